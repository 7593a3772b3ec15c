import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDisclosureView } from '../../core/disclosure/disclosure-view.ts';
import { isSelectionShown } from '../../core/disclosure/wave-disclosure.ts';
import {
	aggregateMaturity,
	type TScoreSum,
	type TScoreSums
} from '../../core/maturity/aggregate-maturity.ts';
import { countLevels } from '../../core/maturity/count-levels.ts';
import { itemScoreTable } from '../../core/maturity/item-score.ts';
import { maturityModel, type TMaturityModel } from '../../core/maturity/maturity-model.ts';
import type { TWaveMaturity } from '../../core/maturity/wave-maturity.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';
import { listTopUnits } from './list-top-units.ts';
import { disclosureFor, type TLoadedDisclosure } from './load-disclosure.ts';
import { rowsOf, scopedResponses, type TResponseScope, ZResultsFilters } from './response-scope.ts';

/** The wave, and which of its responses count (the same filters as the results). */
export const ZComputeMaturityOptions = ZResultsFilters.extend({ slug: z.string().min(1) });
export type TComputeMaturityOptions = z.input<typeof ZComputeMaturityOptions>;

/**
 * The maturity index of a wave. Each respondent's dimension scores are computed in the database over the
 * responses of the scope (response-scope.ts, grouped by municipality): the answers joined to a table of
 * item scores built from the questionnaire, summed per response, a dimension kept only when at least half
 * its items are answered. Those scores are then summed per organisation, and counted per index value for
 * the levels; organisation and regional profiles follow from the sums (see aggregateMaturity). Null when
 * the questionnaire measures no dimension.
 */
export async function computeMaturity(
	db: TDb,
	options: TComputeMaturityOptions,
	/** The wave's disclosure when the caller asks the engine several times (see preloadDisclosure). */
	preloaded?: TLoadedDisclosure
): Promise<TWaveMaturity | null> {
	const input = ZComputeMaturityOptions.parse(options);
	const wave = await getWave(db, input.slug);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const model = maturityModel(questionnaire);
	if (model.dimensions.length === 0) return null;

	const { slug: _, ...filters } = input;
	const scope: TResponseScope = {
		waveId: wave.id,
		ownerOrganisationId: wave.ownerOrganisationId,
		filters,
		by: 'organisation',
		topUnits: await listTopUnits(db, wave.ownerOrganisationId)
	};
	const scores = await sumRespondentScores(db, scope, model);
	const groups = new Map<string | null, TScoreSums>(
		scores.byGroup.map((g) => [g.grp, { respondents: g.respondents, dimensions: g.dimensions }])
	);
	const indices = scores.indices;
	const ids = [...groups.keys()].filter((id): id is string => id !== null);
	const units =
		ids.length === 0
			? []
			: await db
					.select({ id: organisations.id, code: organisations.code, name: organisations.name })
					.from(organisations)
					.where(inArray(organisations.id, ids));
	// By official code, so that a tie for the second hidden organisation always goes the same way.
	units.sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.name.localeCompare(b.name, 'sv'));
	const placed = units.flatMap((unit) => {
		const sums = groups.get(unit.id);
		return sums ? [{ organisation: unit, ...sums }] : [];
	});
	const disclosure = await disclosureFor(db, wave, { partial: filters.includePartial }, preloaded);
	const view: TDisclosureView = {
		organisationIds: filters.organisationIds ? new Set(filters.organisationIds) : undefined,
		roleGroup: filters.roleGroup
	};
	const aggregate = aggregateMaturity(
		model,
		placed,
		{
			pooled: isSelectionShown(disclosure, view),
			organisation: (unit) =>
				isSelectionShown(disclosure, { ...view, group: { by: 'organisation', key: unit.id } })
		},
		groups.get(null)
	);

	return {
		minGroupSize: wave.minGroupSize,
		dimensions: model.dimensions.map((d) => ({
			code: d.code,
			label: d.label,
			weight: d.weight,
			legacy: d.legacy
		})),
		levels: model.levels,
		respondents: aggregate.respondents,
		region: {
			pooled: aggregate.pooled,
			organisationMean: aggregate.organisationMean,
			respondentLevels:
				aggregate.pooled === null
					? null
					: {
							respondents: indices.reduce((sum, i) => sum + i.respondents, 0),
							levels: countLevels(model.levels, indices)
						}
		},
		organisations: aggregate.organisations
			.map((o) => ({ ...o.organisation, respondents: o.respondents, hidden: o.hidden, profile: o.profile }))
			.sort((a, b) => a.name.localeCompare(b.name, 'sv'))
	};
}

/**
 * Per group, its respondents and the sum and count of their dimension scores; and respondents per index
 * value (one decimal), for the levels. One query: the item answers of the wave are summed per response
 * and dimension (and turned into the response's dimension scores), joined to the scope's responses (each
 * response once, those without a scored answer too), and those respondent rows summed per group and
 * counted per index value.
 */
async function sumRespondentScores(db: TDb, scope: TResponseScope, model: TMaturityModel) {
	// Dimensions are numbered by their position in the model (0, 1, …): the columns d0, d1, … below.
	const columns = model.dimensions.map((d, i) => ({ ...d, name: sql.raw(`d${i}`), i }));
	const position = new Map(columns.map((d) => [d.code, d.i]));
	// The item scores as a list of values (not a JSON document): the planner then knows how many rows
	// the join with the answers gives, and groups them per response by sorting instead of a hash that
	// spills.
	const scoreRows = itemScoreTable(model.items).map(
		(r) =>
			sql`(${r.questionCode}::text, ${r.optionCode}::text, ${r.valueNum}::float8, ${r.score}::float8, ${position.get(r.dimension) ?? -1}::int)`
	);
	const items =
		scoreRows.length > 0
			? sql`values ${sql.join(scoreRows, sql`, `)}`
			: sql`select null::text, null::text, null::float8, null::float8, null::int where false`;
	// Per response and dimension, the items answered with a score and the sum of their scores.
	const itemSums = columns.map(
		(d) => sql`count(*) filter (where i.dim = ${d.i}::int) as ${sql.raw(`c${d.i}`)},
			sum(i.score) filter (where i.dim = ${d.i}::int) as ${sql.raw(`s${d.i}`)}`
	);
	// A respondent's dimension score, when at least half of its items are answered.
	const dimensionScores = columns.map(
		(d) => sql`case when 2 * ${sql.raw(`c${d.i}`)} >= ${d.items.length}::int
			then ${sql.raw(`s${d.i}`)} / ${sql.raw(`c${d.i}`)} end as ${d.name}`
	);
	const scored = sql.join(
		columns.map((d) => sql`(${d.name} is not null)::int`),
		sql` + `
	);
	const weighted = sql.join(
		columns.map((d) => sql`coalesce(${d.name} * ${d.weight}::float8, 0)`),
		sql` + `
	);
	const weights = sql.join(
		columns.map((d) => sql`(${d.name} is not null)::int * ${d.weight}::float8`),
		sql` + `
	);
	const sums = columns.map(
		(d) =>
			sql`sum(${d.name})::float8 as ${sql.raw(`sum${d.i}`)}, count(${d.name})::int as ${sql.raw(`count${d.i}`)}`
	);
	const rows = rowsOf<
		Record<string, unknown> & { by_group: boolean; grp: string | null; index: string | null; n: number }
	>(
		await db.execute(sql`
			with items(question_code, option_code, value_num, score, dim) as (${items}),
			item_sums as (
				select a.response_id, ${sql.join(itemSums, sql`, `)}
				from answers a
				join items i on i.question_code = a.question_code and i.option_code = a.option_code
					and (i.value_num is null or i.value_num = a.value_num)
				where a.wave_id = ${scope.waveId} and a.question_code in ${model.items.map((q) => q.code)}
				group by a.response_id
			),
			-- Each response's dimension scores before the join: a narrower row to hash.
			item_scores as (
				select response_id, ${sql.join(dimensionScores, sql`, `)} from item_sums
			),
			respondent_scores as (
				select s.grp, ${sql.join(
					columns.map((d) => d.name),
					sql`, `
				)}
				from (${scopedResponses(scope)}) s left join item_scores on item_scores.response_id = s.id
			),
			-- A respondent's index: the weighted mean of their dimension scores, when at least half have one.
			respondent_index as (
				select *, case when 2 * (${scored}) >= ${columns.length}::int
					then (${weighted}) / (${weights}) end as score
				from respondent_scores
			)
			select grouping(grp) = 0 as by_group, grp::text as grp, round(score::numeric, 1)::text as index,
				count(*)::int as n, ${sql.join(sums, sql`, `)}
			from respondent_index
			group by grouping sets ((grp), (round(score::numeric, 1)))`)
	);
	const byGroup: Array<{
		grp: string | null;
		respondents: number;
		dimensions: Record<string, TScoreSum>;
	}> = [];
	const indices: Array<{ index: number; respondents: number }> = [];
	for (const row of rows) {
		if (row.by_group) {
			const dimensions: Record<string, TScoreSum> = {};
			for (const d of columns) {
				dimensions[d.code] = { sum: Number(row[`sum${d.i}`] ?? 0), count: Number(row[`count${d.i}`]) };
			}
			byGroup.push({ grp: row.grp, respondents: row.n, dimensions });
		} else if (row.index !== null) {
			indices.push({ index: Number(row.index), respondents: Number(row.n) });
		}
	}
	return { byGroup, indices };
}
