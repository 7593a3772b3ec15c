import { z } from 'zod';
import type { TDisclosureView } from '../../core/disclosure/disclosure-view.ts';
import { isQuestionShown, isSelectionShown } from '../../core/disclosure/wave-disclosure.ts';
import { meaningChange } from '../../core/questionnaire/compare-versions.ts';
import { t } from '../../core/questionnaire/text.ts';
import type { TQuestionFigures, TResultQuestion } from '../../core/results/question-figures.ts';
import type { TQuestionChange, TWaveChange } from '../../core/results/wave-change-schema.ts';
import { newcombeDifference } from '../../core/statistics/newcombe-difference.ts';
import { percentOf, roundMean, roundPercent } from '../../core/statistics/round-half-up.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';
import { loadDisclosure } from './load-disclosure.ts';
import { loadWaveFigures } from './load-wave-figures.ts';
import { resolveOrganisationFilter } from './resolve-organisation-filter.ts';

export const ZWaveChangeOptions = z.object({
	slug: z.string().min(1),
	/** The earlier wave, of the same questionnaire (any version). */
	previous: z.string().min(1),
	organisation: z.string().min(1).max(100).optional(),
	roleGroup: z.string().min(1).max(100).optional(),
	includePartial: z.boolean().default(false),
	lang: z.enum(['sv', 'en']).default('sv')
});
export type TWaveChangeOptions = z.input<typeof ZWaveChangeOptions>;

const EMPTY: TQuestionFigures = { n: 0, counts: new Map(), scale: null, themes: new Map() };

const messages = {
	'only-in-this-wave': {
		sv: 'Frågan fanns inte i den tidigare mätomgången.',
		en: 'Not asked in the previous wave.'
	},
	'only-in-previous-wave': { sv: 'Frågan finns inte i den här mätomgången.', en: 'Not asked in this wave.' },
	'type-changed': { sv: 'Frågan har bytt typ.', en: 'The question changed type.' },
	'scale-changed': { sv: 'Skalan har ändrats.', en: 'The scale changed.' },
	'small-group': {
		sv: 'För få svar på frågan i någon av mätomgångarna för att visa siffror.',
		en: 'Too few answers to the question in one of the waves to show figures.'
	}
} as const;

/**
 * What changed since a previous wave of the same questionnaire: questions matched by code and type,
 * options by code; each difference in percentage points with its Newcombe 95 % interval, flagged only
 * when the interval excludes 0. Scale means are compared as a plain difference (no interval). Each wave
 * is held to the small-group rule with its own k: a selection either wave hides is refused (SMALL_GROUP).
 */
export async function getWaveChange(db: TDb, options: TWaveChangeOptions): Promise<TWaveChange> {
	const input = ZWaveChangeOptions.parse(options);
	const [wave, previous] = [await getWave(db, input.slug), await getWave(db, input.previous)];
	if (wave.id === previous.id) throw new AppError('INVALID_INPUT', 'Choose another wave to compare with.');
	if (wave.questionnaireCode !== previous.questionnaireCode) {
		throw new AppError(
			'INVALID_INPUT',
			`"${previous.slug}" is a wave of another questionnaire ("${previous.questionnaireCode}"); only waves of "${wave.questionnaireCode}" can be compared`
		);
	}
	const organisation = input.organisation ? await resolveOrganisationFilter(db, input.organisation) : null;
	const filters = {
		organisationIds: organisation?.ids,
		roleGroup: input.roleGroup,
		includePartial: input.includePartial
	};
	const view: TDisclosureView = {
		organisationIds: organisation ? new Set(organisation.ids) : undefined,
		roleGroup: input.roleGroup
	};
	const [rules, before] = await Promise.all([
		loadDisclosure(db, wave, { partial: input.includePartial }),
		loadDisclosure(db, previous, { partial: input.includePartial })
	]);
	for (const [w, rule] of [
		[wave, rules],
		[previous, before]
	] as const) {
		if (!isSelectionShown(rule, view)) {
			throw new AppError(
				'SMALL_GROUP',
				`This selection shows no figures in "${w.name}": it has fewer than ${w.minGroupSize} complete responses there, or they could be derived from other selections.`
			);
		}
	}
	const [current, earlier] = await Promise.all(
		[wave, previous].map(async (w) =>
			loadWaveFigures(db, w, await getQuestionnaireVersion(db, w.questionnaireVersionId), { filters })
		)
	);
	if (!current || !earlier) throw new Error('figures missing');
	const shown = (code: string) =>
		isQuestionShown(rules, view, code, current.overall.get(code)?.n ?? 0) &&
		isQuestionShown(before, view, code, earlier.overall.get(code)?.n ?? 0);
	const lang = input.lang;
	const earlierQuestions = new Map(earlier.questions.map((q) => [q.code, q]));
	const currentCodes = new Set(current.questions.map((q) => q.code));
	const result: TWaveChange = {
		wave: { slug: wave.slug, name: wave.name, period: wave.period },
		previous: { slug: previous.slug, name: previous.name, period: previous.period },
		responses: {
			current: current.responses.complete + (input.includePartial ? current.responses.partial : 0),
			previous: earlier.responses.complete + (input.includePartial ? earlier.responses.partial : 0)
		},
		questions: [],
		notComparable: []
	};
	const notComparable = (code: string, reason: keyof typeof messages) =>
		result.notComparable.push({ code, reason, message: messages[reason][lang] });
	for (const question of current.questions) {
		const before = earlierQuestions.get(question.code);
		// Publishing refuses a code whose meaning changes (compare-versions.ts); versions published
		// before that rule may still have one.
		const changed = before ? meaningChange(before, question) : null;
		if (!before) notComparable(question.code, 'only-in-this-wave');
		else if (changed) notComparable(question.code, changed);
		else if (!shown(question.code)) notComparable(question.code, 'small-group');
		else
			result.questions.push(
				compareQuestion(
					question,
					before,
					current.overall.get(question.code) ?? EMPTY,
					earlier.overall.get(question.code) ?? EMPTY,
					lang
				)
			);
	}
	for (const question of earlier.questions) {
		if (!currentCodes.has(question.code)) notComparable(question.code, 'only-in-previous-wave');
	}
	return result;
}

function compare(now: { count: number; n: number }, then: { count: number; n: number }) {
	const change = newcombeDifference(then, now);
	return {
		difference: change ? roundPercent(change.difference * 100) : null,
		ci95: change
			? ([roundPercent(change.ci95[0] * 100), roundPercent(change.ci95[1] * 100)] as [number, number])
			: null,
		changed: change?.changed ?? false
	};
}

const side = (count: number, n: number) => ({ count, n, percent: percentOf(count, n) });

function compareQuestion(
	question: TResultQuestion,
	before: TResultQuestion,
	now: TQuestionFigures,
	then: TQuestionFigures,
	lang: 'sv' | 'en'
): TQuestionChange {
	const change: TQuestionChange = {
		code: question.code,
		type: question.type,
		text: t(question.text, lang),
		n: { current: now.n, previous: then.n },
		options: [],
		mean: null,
		topBox: null
	};
	if ((question.type === 'single' || question.type === 'multi') && 'options' in before) {
		const earlierOptions = new Set(before.options.map((o) => o.code));
		change.options = question.options.map((o) => {
			const current = side(now.counts.get(o.code) ?? 0, now.n);
			if (!earlierOptions.has(o.code)) {
				return {
					code: o.code,
					label: t(o.label, lang),
					current,
					previous: null,
					difference: null,
					ci95: null,
					changed: false
				};
			}
			const previous = side(then.counts.get(o.code) ?? 0, then.n);
			return { code: o.code, label: t(o.label, lang), current, previous, ...compare(current, previous) };
		});
	}
	if (question.type === 'scale') {
		const mean = (f: TQuestionFigures) => (f.n > 0 && f.scale?.mean != null ? f.scale.mean : null);
		const [a, b] = [mean(now), mean(then)];
		change.mean = {
			current: a === null ? null : roundMean(a),
			previous: b === null ? null : roundMean(b),
			difference: a === null || b === null ? null : roundMean(a - b)
		};
		if (question.topBox && before.type === 'scale' && before.topBox?.from === question.topBox.from) {
			const current = side(now.scale?.topCount ?? 0, now.n);
			const previous = side(then.scale?.topCount ?? 0, then.n);
			change.topBox = { from: question.topBox.from, current, previous, ...compare(current, previous) };
		}
	}
	return change;
}
