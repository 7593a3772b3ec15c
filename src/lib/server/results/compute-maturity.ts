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
import { maturityModel, type TMaturityModel } from '../../core/maturity/maturity-model.ts';
import type { TWaveMaturity } from '../../core/maturity/wave-maturity.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';
import { listTopUnits } from './list-top-units.ts';
import { disclosureFor, type TLoadedDisclosure } from './load-disclosure.ts';
import { refreshResponseScores } from './refresh-response-scores.ts';
import { rowsOf, scopedResponses, type TResponseScope, ZResultsFilters } from './response-scope.ts';

/** The wave, and which of its responses count (the same filters as the results). */
export const ZComputeMaturityOptions = ZResultsFilters.extend({ slug: z.string().min(1) });
export type TComputeMaturityOptions = z.input<typeof ZComputeMaturityOptions>;

/**
 * The maturity index of a wave. Each respondent's dimension scores (the mean of their item scores, a
 * dimension kept only when at least half its items are answered) are kept per response in the database
 * (refresh-response-scores.ts) and read over the responses of the scope (response-scope.ts, grouped by
 * municipality). Those scores are then summed per organisation, and counted per index value for
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
 * value (one decimal), for the levels. The scope's responses (each once, those without a scored answer
 * too) are joined to their kept dimension scores, brought up to date first (refreshResponseScores), and
 * those respondent rows summed per group and counted per index value.
 */
async function sumRespondentScores(db: TDb, scope: TResponseScope, model: TMaturityModel) {
	await refreshResponseScores(db, scope.waveId, model);
	// Dimensions are numbered by their position in the model (0, 1, …): the columns d0, d1, … below.
	const columns = model.dimensions.map((d, i) => ({ ...d, name: sql.raw(`d${i}`), i }));
	const sums = columns.map(
		(d) =>
			sql`sum(${d.name})::float8 as ${sql.raw(`sum${d.i}`)}, count(${d.name})::int as ${sql.raw(`count${d.i}`)}`
	);
	const rows = rowsOf<
		Record<string, unknown> & { by_group: boolean; grp: string | null; index: string | null; n: number }
	>(
		await db.execute(sql`
			-- Materialized: each score is taken out of its array once, not in every sum that uses it.
			with respondent_scores as materialized (
				select s.grp, round(k.index::numeric, 1) as index, ${sql.join(
					columns.map((d) => sql`k.scores[${sql.raw(String(d.i + 1))}] as ${d.name}`),
					sql`, `
				)}
				from (${scopedResponses(scope)}) s left join response_scores k on k.response_id = s.id
			)
			select grouping(grp) = 0 as by_group, grp::text as grp, index::text as index,
				count(*)::int as n, ${sql.join(sums, sql`, `)}
			from respondent_scores
			group by grouping sets ((grp), (index))`)
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
