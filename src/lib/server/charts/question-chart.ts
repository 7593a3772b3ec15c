import type { TQuestionResult } from '../../core/results/wave-results-schema.ts';
import { barChart } from './bar-chart.ts';
import { pieChart } from './pie-chart.ts';
import type { TChart, TChartLang } from './render-chart-svg.ts';

const JA_NEJ_VET_EJ = ['ja', 'nej', 'vet_ej'];

/** True for a single-choice Ja / Nej / Vet ej question, which the seed report draws as a pie. */
export const isJaNejVetEj = (question: Pick<TQuestionResult, 'type' | 'options'>): boolean =>
	question.type === 'single' &&
	question.options.length === JA_NEJ_VET_EJ.length &&
	question.options.every((o, i) => o.code === JA_NEJ_VET_EJ[i]);

/**
 * The chart of one question's results: a pie for Ja / Nej / Vet ej, bars for other choice questions and
 * for a scale's distribution (percent of n), theme counts for free text; null when there is nothing to draw.
 */
export function questionChart(
	question: TQuestionResult,
	lang: TChartLang,
	labels: { theme: string }
): TChart | null {
	const bars = question.options.map((o) => ({ label: o.label, count: o.count }));
	if (isJaNejVetEj(question)) return pieChart({ lang, slices: bars, n: question.n });
	if (question.type === 'text') {
		if (question.themes.length === 0) return null;
		return barChart({
			lang,
			measure: 'count',
			n: question.n,
			categoryLabel: labels.theme,
			bars: question.themes.map((t) => ({ label: t.label, count: t.count }))
		});
	}
	return barChart({ lang, measure: 'percent', n: question.n, bars });
}
