import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TDisclosureView } from '../../core/disclosure/disclosure-view.ts';
import { isQuestionShown, isSelectionShown } from '../../core/disclosure/wave-disclosure.ts';
import { t } from '../../core/questionnaire/text.ts';
import { ZBreakdown } from '../../core/results/breakdown.ts';
import { formatMaturityResult } from '../../core/results/format-maturity-result.ts';
import { formatQuestionResult } from '../../core/results/format-question-result.ts';
import type { TResultQuestion } from '../../core/results/question-figures.ts';
import type { TGroupResult, TQuestionResult, TWaveResults } from '../../core/results/wave-results-schema.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';
import { computeMaturity } from './compute-maturity.ts';
import { listReleasedAnswers } from './list-released-answers.ts';
import { disclosureFor, type TLoadedDisclosure } from './load-disclosure.ts';
import { loadWaveFigures, resultQuestions } from './load-wave-figures.ts';
import { resolveOrganisationFilter } from './resolve-organisation-filter.ts';

export const ZWaveResultsOptions = z.object({
	slug: z.string().min(1),
	/** Code (or id) of an organisation unit: only it and the units below it are counted. */
	organisation: z.string().min(1).max(100).optional(),
	roleGroup: z.string().min(1).max(100).optional(),
	includePartial: z.boolean().default(false),
	by: ZBreakdown.optional(),
	/**
	 * With `by`: each group's figures per question ('questions'), or only how many responses it holds
	 * ('counts': its questions are left empty), which needs no pass over the answers per group.
	 */
	groupFigures: z.enum(['questions', 'counts']).default('questions'),
	/** Add the maturity index (organisations and region) over the same responses. */
	maturity: z.boolean().default(false),
	lang: z.enum(['sv', 'en']).default('sv')
});
export type TWaveResultsOptions = z.input<typeof ZWaveResultsOptions>;

const UNKNOWN = { sv: 'Uppgift saknas', en: 'Not known' } as const;

/**
 * A wave's results in the published shape: response and organisation counts, every question's figures,
 * optionally a breakdown, and optionally the maturity index over the same responses (null when the
 * questionnaire measures none). The small-group rule (core/disclosure) holds for every role: a selection
 * that is not made of whole blocks of at least k complete responses is refused (SMALL_GROUP), a group of
 * the breakdown that is not shows no figures, and with partial responses counted a question shows none
 * below its own k answers.
 */
export async function getWaveResults(
	db: TDb,
	options: TWaveResultsOptions,
	/** The wave's disclosure when the caller asks the engine several times (see preloadDisclosure). */
	preloaded?: TLoadedDisclosure
): Promise<TWaveResults> {
	const input = ZWaveResultsOptions.parse(options);
	const wave = await getWave(db, input.slug);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const organisation = input.organisation ? await resolveOrganisationFilter(db, input.organisation) : null;
	const filters = {
		organisationIds: organisation?.ids,
		roleGroup: input.roleGroup,
		includePartial: input.includePartial
	};
	const texts = resultQuestions(questionnaire)
		.filter((q) => q.type === 'text')
		.map((q) => q.code);
	const disclosure = await disclosureFor(db, wave, { partial: input.includePartial }, preloaded);
	const view: TDisclosureView = {
		organisationIds: organisation ? new Set(organisation.ids) : undefined,
		roleGroup: input.roleGroup
	};
	if (!isSelectionShown(disclosure, view)) {
		throw new AppError(
			'SMALL_GROUP',
			`This selection shows no figures: it has fewer than ${wave.minGroupSize} complete responses, or they could be derived from other selections.`
		);
	}
	const scope = { waveId: wave.id, ownerOrganisationId: wave.ownerOrganisationId, filters };
	const [figures, released, maturity] = await Promise.all([
		loadWaveFigures(db, wave, questionnaire, {
			filters,
			by: input.by,
			groupFigures: input.groupFigures === 'questions'
		}),
		listReleasedAnswers(db, scope, texts),
		input.maturity ? computeMaturity(db, { slug: wave.slug, ...filters }, preloaded) : undefined
	]);
	const lang = input.lang;
	const result: TWaveResults = {
		wave: {
			slug: wave.slug,
			name: wave.name,
			period: wave.period,
			status: wave.status,
			questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion },
			minGroupSize: wave.minGroupSize
		},
		filters: {
			organisation: organisation?.label ?? null,
			roleGroup: input.roleGroup ?? null,
			includePartial: input.includePartial,
			by: input.by ?? null
		},
		responses: figures.responses,
		organisations: figures.organisations,
		questions: figures.questions.map((q) => {
			const own = figures.overall.get(q.code);
			if (!isQuestionShown(disclosure, view, q.code, own?.n ?? 0)) return suppressedQuestion(q, lang);
			const result = formatQuestionResult(q, own, lang);
			return q.type === 'text' ? { ...result, released: released.get(q.code) ?? [] } : result;
		})
	};
	if (maturity !== undefined) result.maturity = maturity && formatMaturityResult(maturity, lang);
	if (!input.by) return result;

	const counted = figures.groups
		.map((g) => ({ ...g, n: g.responses.complete + (input.includePartial ? g.responses.partial : 0) }))
		.filter((g) => g.n > 0);
	const by = input.by;
	const viewOf = (key: string | null): TDisclosureView => ({ ...view, group: { by, key } });
	const labels = await groupLabels(
		db,
		input.by,
		counted.map((g) => g.key),
		questionnaire.roleGroups,
		lang
	);
	const groups = counted.map((g): TGroupResult & { order: number } => {
		const { group, label, order } = labels.get(g.key) ?? {
			group: g.key,
			label: g.key ?? UNKNOWN[lang],
			order: 1e9
		};
		if (!isSelectionShown(disclosure, viewOf(g.key))) {
			return { group, label, n: null, suppressed: true, questions: [], order };
		}
		if (input.groupFigures === 'counts')
			return { group, label, n: g.n, suppressed: false, questions: [], order };
		const questions = figures.questions.map((q) => {
			const own = g.figures.get(q.code);
			return isQuestionShown(disclosure, viewOf(g.key), q.code, own?.n ?? 0)
				? formatQuestionResult(q, own, lang)
				: suppressedQuestion(q, lang);
		});
		return { group, label, n: g.n, suppressed: false, questions, order };
	});
	groups.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'sv'));
	result.breakdown = groups.map(({ order: _, ...g }) => g);
	return result;
}

// A question without figures: the shape stays, every count empty.
function suppressedQuestion(q: TResultQuestion, lang: 'sv' | 'en'): TQuestionResult {
	return { ...formatQuestionResult(q, undefined, lang), options: [], themes: [], suppressed: true };
}

// Organisation groups are shown by code and name (A–Ö); role groups by code and label, in the
// questionnaire's order; an unknown unit or role group last.
async function groupLabels(
	db: TDb,
	by: z.infer<typeof ZBreakdown>,
	keys: Array<string | null>,
	roleGroups: Array<{ code: string; label: { sv: string; en?: string } }>,
	lang: 'sv' | 'en'
) {
	const labels = new Map<string | null, { group: string | null; label: string; order: number }>();
	labels.set(null, { group: null, label: UNKNOWN[lang], order: 1e9 });
	if (by === 'role') {
		roleGroups.forEach((g, i) => {
			labels.set(g.code, { group: g.code, label: t(g.label, lang), order: i });
		});
		return labels;
	}
	const ids = keys.filter((k): k is string => k !== null);
	if (ids.length === 0) return labels;
	const rows = await db
		.select({ id: organisations.id, code: organisations.code, name: organisations.name })
		.from(organisations)
		.where(inArray(organisations.id, ids));
	for (const row of rows) labels.set(row.id, { group: row.code ?? row.id, label: row.name, order: 0 });
	return labels;
}
