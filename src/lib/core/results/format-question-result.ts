import { t } from '../questionnaire/text.ts';
import { percentOf, roundMean, roundPercent } from '../statistics/round-half-up.ts';
import { wilsonInterval } from '../statistics/wilson-interval.ts';
import type { TQuestionFigures, TResultQuestion } from './question-figures.ts';
import type { TQuestionResult } from './wave-results-schema.ts';

const EMPTY: TQuestionFigures = { n: 0, counts: new Map(), scale: null, themes: new Map() };

/** A Wilson interval in percent with one decimal, or null without a base. */
export function intervalInPercent(count: number, n: number): [number, number] | null {
	const interval = wilsonInterval(count, n);
	return interval ? [roundPercent(interval[0] * 100), roundPercent(interval[1] * 100)] : null;
}

const rounded = (value: number | null | undefined) =>
	value === null || value === undefined || !Number.isFinite(value) ? null : roundMean(value);

/** One question's figures in the published shape: rounded, labelled, and without NaN. */
export function formatQuestionResult(
	question: TResultQuestion,
	figures: TQuestionFigures | undefined,
	lang: 'sv' | 'en'
): TQuestionResult {
	const f = figures ?? EMPTY;
	const option = (code: string, label: string) => {
		const count = f.counts.get(code) ?? 0;
		return { code, label, count, percent: percentOf(count, f.n), ci95: intervalInPercent(count, f.n) };
	};
	const result: TQuestionResult = {
		code: question.code,
		type: question.type,
		text: t(question.text, lang),
		n: f.n,
		options: [],
		mean: null,
		median: null,
		sd: null,
		topBox: null,
		excluded: f.scale?.excluded ?? 0,
		themes: [...f.themes]
			.map(([label, count]) => ({ label, count }))
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'))
	};
	if (question.type === 'single' || question.type === 'multi') {
		result.options = question.options.map((o) => option(o.code, t(o.label, lang)));
	} else if (question.type === 'scale') {
		for (let value = question.min; value <= question.max; value++) {
			const label =
				value === question.min && question.minLabel
					? `${value} ${t(question.minLabel, lang)}`
					: value === question.max && question.maxLabel
						? `${value} ${t(question.maxLabel, lang)}`
						: String(value);
			result.options.push(option(String(value), label));
		}
		result.mean = f.n > 0 ? rounded(f.scale?.mean) : null;
		result.median = f.n > 0 ? rounded(f.scale?.median) : null;
		result.sd = f.n > 1 ? rounded(f.scale?.sd) : null;
		if (question.topBox) {
			const count = f.scale?.topCount ?? 0;
			result.topBox = {
				from: question.topBox.from,
				count,
				percent: percentOf(count, f.n),
				ci95: intervalInPercent(count, f.n)
			};
		}
	}
	return result;
}
