import type { TQuestion, TQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TBreakdown } from '../../core/results/breakdown.ts';
import type { TQuestionFigures, TResultQuestion } from '../../core/results/question-figures.ts';
import type { TDb } from '../db/client.ts';
import type { waves } from '../db/schema.ts';
import { countAnswered } from './count-answered.ts';
import { countChoices } from './count-choices.ts';
import { countOrganisations, type TOrganisationCounts } from './count-organisations.ts';
import { countResponses, type TResponseCounts } from './count-responses.ts';
import { countScaleValues } from './count-scale-values.ts';
import { countThemes } from './count-themes.ts';
import { listTopUnits } from './list-top-units.ts';
import type { TResponseScope, TResultsFilters } from './response-scope.ts';
import { scaleStatistics, type TScaleRange } from './scale-statistics.ts';

export interface TWaveFigures {
	questions: TResultQuestion[];
	responses: TResponseCounts;
	organisations: TOrganisationCounts;
	overall: Map<string, TQuestionFigures>;
	/** Per breakdown group (key null: unit or role group unknown), in no particular order. */
	groups: Array<{ key: string | null; responses: TResponseCounts; figures: Map<string, TQuestionFigures> }>;
}

/** The questions of a questionnaire that have results, in questionnaire order. */
export function resultQuestions(questionnaire: TQuestionnaire): TResultQuestion[] {
	return questionnaire.sections
		.flatMap((s) => s.questions)
		.filter((q): q is TResultQuestion => q.type !== 'background');
}

/**
 * Runs the results queries for a wave and collects their figures per question (and per group). With
 * `groupFigures: false` the groups are only counted (how many responses each holds) and the answers are
 * read for the whole selection alone, which on a large wave is a fraction of the work.
 */
export async function loadWaveFigures(
	db: TDb,
	wave: typeof waves.$inferSelect,
	questionnaire: TQuestionnaire,
	options: { filters: TResultsFilters; by?: TBreakdown; groupFigures?: boolean }
): Promise<TWaveFigures> {
	const questions = resultQuestions(questionnaire);
	const base: TResponseScope = {
		waveId: wave.id,
		ownerOrganisationId: wave.ownerOrganisationId,
		filters: options.filters,
		by: options.by,
		topUnits: options.by === 'organisation' ? await listTopUnits(db, wave.ownerOrganisationId) : undefined
	};
	const responses = await countResponses(db, base);
	const { filters } = options;
	const unfiltered = filters.organisationIds === undefined && filters.roleGroup === undefined;
	const scope: TResponseScope = {
		...base,
		by: options.groupFigures === false ? undefined : base.by,
		wholeWave: unfiltered && (filters.includePartial || responses.overall.partial === 0)
	};
	const codes = (types: TQuestion['type'][]) =>
		questions.filter((q) => types.includes(q.type)).map((q) => q.code);
	const scales: TScaleRange[] = questions.flatMap((q) =>
		q.type === 'scale' ? [{ code: q.code, min: q.min, max: q.max, topFrom: q.topBox?.from ?? null }] : []
	);
	const [organisations, choices, answered, statistics, values, themes] = await Promise.all([
		countOrganisations(db, { ...scope, mode: wave.mode }),
		countChoices(db, scope, codes(['single', 'multi'])),
		countAnswered(db, scope, { multi: codes(['multi']), text: codes(['text']) }),
		scaleStatistics(db, scope, scales),
		countScaleValues(db, scope, scales),
		countThemes(db, scope)
	]);

	const overall = new Map<string, TQuestionFigures>();
	const byGroup = new Map<string | null, Map<string, TQuestionFigures>>(
		responses.groups.map((g) => [g.key, new Map()])
	);
	const figuresOf = (
		row: { overall: boolean; grp: string | null; question: string },
		known?: Map<string, TQuestionFigures>
	) => {
		let set = known ?? overall;
		if (!known && !row.overall) {
			set = byGroup.get(row.grp) ?? new Map();
			byGroup.set(row.grp, set);
		}
		let figures = set.get(row.question);
		if (!figures) {
			figures = { n: 0, counts: new Map(), scale: null, themes: new Map() };
			set.set(row.question, figures);
		}
		return figures;
	};
	const singles = new Set(codes(['single']));
	for (const row of choices) {
		const figures = figuresOf(row);
		figures.counts.set(row.option, row.count);
		if (singles.has(row.question)) figures.n = row.rows;
	}
	for (const row of answered) figuresOf(row).n = row.n;
	for (const row of statistics) {
		const figures = figuresOf(row);
		figures.n = row.n;
		figures.scale = {
			mean: row.mean,
			median: row.median,
			sd: row.sd,
			topCount: row.topCount,
			excluded: row.excluded
		};
	}
	for (const row of values) figuresOf(row).counts.set(String(row.value), row.count);
	for (const row of themes) {
		// A theme no answer carries comes back once, with no group: it is listed with 0 from the overall rows.
		if (!row.overall && row.count === 0) continue;
		figuresOf(row).themes.set(row.label, row.count);
	}
	// Every group lists every theme of a question, with 0 where none of its answers carries it.
	for (const [question, figures] of overall) {
		for (const label of figures.themes.keys()) {
			for (const set of byGroup.values()) {
				const themes = figuresOf({ overall: false, grp: null, question }, set).themes;
				if (!themes.has(label)) themes.set(label, 0);
			}
		}
	}
	return {
		questions,
		responses: responses.overall,
		organisations,
		overall,
		groups: responses.groups.map((g) => ({
			key: g.key,
			responses: { complete: g.complete, partial: g.partial },
			figures: byGroup.get(g.key) ?? new Map()
		}))
	};
}
