import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	aggregateMaturity,
	type TScoreSum,
	type TScoreSums
} from '../../core/maturity/aggregate-maturity.ts';
import { countLevels } from '../../core/maturity/count-levels.ts';
import { itemScoreTable } from '../../core/maturity/item-score.ts';
import { maturityModel } from '../../core/maturity/maturity-model.ts';
import type { TMaturityProfile } from '../../core/maturity/maturity-profile.ts';
import type { TText } from '../../core/questionnaire/definition.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';

export const ZComputeMaturityOptions = z.object({
	slug: z.string().min(1),
	/** An organisation subtree (all its unit ids); unset = the whole wave. */
	organisationIds: z.array(z.uuid()).max(10_000).optional(),
	/** A role group code. */
	roleGroup: z.string().min(1).max(100).optional(),
	/** Count partial responses too (by default only complete ones count). */
	includePartial: z.boolean().default(false)
});
export type TComputeMaturityOptions = z.input<typeof ZComputeMaturityOptions>;

export interface TOrganisationMaturityResult {
	id: string;
	code: string | null;
	name: string;
	respondents: number;
	/** No figures: fewer than k respondents, or hidden beside the only such organisation. */
	hidden: boolean;
	profile: TMaturityProfile | null;
}

export interface TWaveMaturity {
	/** k: the fewest respondents an organisation needs to show figures. */
	minGroupSize: number;
	dimensions: Array<{ code: string; label: TText; weight: number; legacy: boolean }>;
	levels: Array<{ code: string; label: TText; min: number; max: number }>;
	/** Responses counted (complete, or also partial when asked for). */
	respondents: number;
	region: {
		/** Over every respondent; null when fewer than k respondents are counted in all. */
		pooled: TMaturityProfile | null;
		/** Each shown organisation once. */
		organisationMean: TMaturityProfile & { organisations: number };
		/**
		 * Respondents by the level of their own index (the weighted mean of their dimension scores, when at
		 * least half have one); `respondents` = those with an index. Null when the pooled figures are.
		 */
		respondentLevels: { respondents: number; levels: Array<{ code: string; respondents: number }> } | null;
	};
	/** The units directly below the wave's owner (a department counts with its municipality), by name. */
	organisations: TOrganisationMaturityResult[];
}

/**
 * The maturity index of a wave: each respondent's dimension scores are computed in the database (the
 * answers joined to a table of item scores built from the questionnaire, a dimension kept only when at
 * least half its items are answered) and summed per organisation; organisation and regional profiles
 * follow from those sums (see aggregateMaturity). Null when the questionnaire measures no dimension.
 */
export async function computeMaturity(
	db: TDb,
	options: TComputeMaturityOptions
): Promise<TWaveMaturity | null> {
	const input = ZComputeMaturityOptions.parse(options);
	const wave = await getWave(db, input.slug);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const model = maturityModel(questionnaire);
	if (model.dimensions.length === 0) return null;

	// Dimensions are numbered by their position in the model (0, 1, …): the columns d0, d1, … below.
	const position = new Map(model.dimensions.map((d, i) => [d.code, i]));
	const items = JSON.stringify(
		itemScoreTable(model.items).map((r) => ({
			question_code: r.questionCode,
			option_code: r.optionCode,
			value_num: r.valueNum,
			score: r.score,
			dim: position.get(r.dimension)
		}))
	);
	const conditions = [sql`r.wave_id = ${wave.id}`];
	if (!input.includePartial) conditions.push(sql`r.status = 'complete'`);
	if (input.organisationIds) {
		conditions.push(
			input.organisationIds.length > 0 ? sql`r.organisation_id in ${input.organisationIds}` : sql`false`
		);
	}
	if (input.roleGroup !== undefined) {
		conditions.push(sql`coalesce(r.role_group, p.role_group) = ${input.roleGroup}`);
	}
	const roots = wave.ownerOrganisationId
		? sql`parent_id = ${wave.ownerOrganisationId}`
		: sql`parent_id is null`;
	// One column per dimension: a respondent's dimension score, when at least half of its items are
	// answered. Pivoting keeps the aggregate at one group per response, with small sum and count states.
	const columns = model.dimensions.map((d, i) => ({ ...d, name: sql.raw(`d${i}`), i }));
	const itemSums = columns.map(
		(d) => sql`count(*) filter (where i.dim = ${d.i}::int) as ${sql.raw(`c${d.i}`)},
			sum(i.score) filter (where i.dim = ${d.i}::int) as ${sql.raw(`s${d.i}`)}`
	);
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
		(d, i) =>
			sql`sum(${d.name})::float8 as ${sql.raw(`sum${i}`)}, count(${d.name})::int as ${sql.raw(`count${i}`)}`
	);

	const result = await db.execute(sql`
		with recursive tree(id, top_id) as (
			select id, id from organisations where ${roots}
			union all
			select o.id, tree.top_id from organisations o join tree on o.parent_id = tree.id
		),
		items as (
			select * from jsonb_to_recordset(${items}::jsonb)
				as i(question_code text, option_code text, value_num float8, score float8, dim int)
		),
		scoped as (
			select r.id, tree.top_id as organisation
			from responses r
			left join participants p on p.id = r.participant_id
			left join tree on tree.id = r.organisation_id
			where ${sql.join(conditions, sql` and `)}
		),
		item_sums as (
			select a.response_id, ${sql.join(itemSums, sql`, `)}
			from answers a
			join items i on i.question_code = a.question_code and i.option_code = a.option_code
				and (i.value_num is null or i.value_num = a.value_num)
			where a.wave_id = ${wave.id}
			group by a.response_id
		),
		respondent_scores as (
			select s.organisation, ${sql.join(dimensionScores, sql`, `)}
			from scoped s left join item_sums on item_sums.response_id = s.id
		),
		-- A respondent's index: the weighted mean of their dimension scores, when at least half have one.
		respondent_index as (
			select *, case when 2 * (${scored}) >= ${columns.length}::int
				then (${weighted}) / (${weights}) end as score
			from respondent_scores
		)
		select grouping(organisation) = 0 as by_organisation, organisation::text as organisation,
			round(score::numeric, 1)::text as index, count(*)::int as n, ${sql.join(sums, sql`, `)}
		from respondent_index
		group by grouping sets ((organisation), (round(score::numeric, 1)))`);
	const rows = (result as unknown as { rows: Array<Record<string, unknown>> }).rows;
	const indices: Array<{ index: number; respondents: number }> = [];

	const groups = new Map<string | null, TScoreSums>();
	for (const row of rows) {
		if (row.by_organisation) {
			const dimensions: Record<string, TScoreSum> = {};
			columns.forEach((d, i) => {
				dimensions[d.code] = { sum: Number(row[`sum${i}`] ?? 0), count: Number(row[`count${i}`]) };
			});
			groups.set(row.organisation as string | null, { respondents: Number(row.n), dimensions });
		} else if (row.index !== null) {
			indices.push({ index: Number(row.index), respondents: Number(row.n) });
		}
	}
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
	const aggregate = aggregateMaturity(model, placed, wave.minGroupSize, groups.get(null));

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
