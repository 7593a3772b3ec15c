import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { aggregateMaturity, type TScoreSums } from '../../core/maturity/aggregate-maturity.ts';
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

interface TSumRow {
	kind: 'respondents' | 'dimension' | 'index';
	organisation: string | null;
	/** The dimension, or the respondent index rounded to one decimal. */
	key: string | null;
	n: number;
	total: number | null;
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

	const items = JSON.stringify(
		itemScoreTable(model.items).map((r) => ({
			question_code: r.questionCode,
			option_code: r.optionCode,
			value_num: r.valueNum,
			score: r.score,
			dimension: r.dimension
		}))
	);
	const dimensions = JSON.stringify(
		model.dimensions.map((d) => ({ dimension: d.code, items: d.items.length, weight: d.weight }))
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

	const result = await db.execute(sql`
		with recursive tree(id, top_id) as (
			select id, id from organisations where ${roots}
			union all
			select o.id, tree.top_id from organisations o join tree on o.parent_id = tree.id
		),
		items as (
			select * from jsonb_to_recordset(${items}::jsonb)
				as i(question_code text, option_code text, value_num float8, score float8, dimension text)
		),
		dimensions as (
			select * from jsonb_to_recordset(${dimensions}::jsonb) as d(dimension text, items int, weight float8)
		),
		scoped as (
			select r.id, tree.top_id as organisation
			from responses r
			left join participants p on p.id = r.participant_id
			left join tree on tree.id = r.organisation_id
			where ${sql.join(conditions, sql` and `)}
		),
		respondent_scores as (
			select a.response_id, i.dimension, avg(i.score) as score
			from answers a
			join scoped s on s.id = a.response_id
			join items i on i.question_code = a.question_code and i.option_code = a.option_code
				and (i.value_num is null or i.value_num = a.value_num)
			join dimensions d on d.dimension = i.dimension
			where a.wave_id = ${wave.id}
			group by a.response_id, i.dimension, d.items
			having 2 * count(*) >= d.items
		),
		-- The weighted mean of a respondent's dimension scores, when at least half of the dimensions have one.
		respondent_index as (
			select rs.response_id, sum(rs.score * d.weight) / sum(d.weight) as score
			from respondent_scores rs join dimensions d on d.dimension = rs.dimension
			group by rs.response_id
			having 2 * count(*) >= (select count(*) from dimensions)
		)
		select 'respondents' as kind, s.organisation::text as organisation, null::text as key,
			count(*)::int as n, null::float8 as total
		from scoped s group by s.organisation
		union all
		select 'dimension', s.organisation::text, rs.dimension, count(*)::int, sum(rs.score)::float8
		from respondent_scores rs join scoped s on s.id = rs.response_id
		group by s.organisation, rs.dimension
		union all
		select 'index', null, round(ri.score::numeric, 1)::text, count(*)::int, null
		from respondent_index ri group by round(ri.score::numeric, 1)`);
	const rows = (result as unknown as { rows: TSumRow[] }).rows;
	const indices: Array<{ index: number; respondents: number }> = [];

	const groups = new Map<string | null, TScoreSums>();
	const groupOf = (organisation: string | null) => {
		let group = groups.get(organisation);
		if (!group) {
			group = { respondents: 0, dimensions: {} };
			groups.set(organisation, group);
		}
		return group;
	};
	for (const row of rows) {
		if (row.kind === 'respondents') groupOf(row.organisation).respondents = Number(row.n);
		else if (row.key === null) throw new Error(`maturity query returned a ${row.kind} row without a key`);
		else if (row.kind === 'index') indices.push({ index: Number(row.key), respondents: Number(row.n) });
		else groupOf(row.organisation).dimensions[row.key] = { sum: Number(row.total), count: Number(row.n) };
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
