import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { itemScoreTable } from '../../core/maturity/item-score.ts';
import { maturityModel, type TMaturityModel } from '../../core/maturity/maturity-model.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDb, TTx } from '../db/client.ts';
import { rowsOf } from './response-scope.ts';

/**
 * What a kept score depends on besides the answers: the items' scores, the dimensions in their order
 * and the rule below. Raise RULE when the rule changes, so that scores kept by an older release are
 * computed again.
 */
const RULE = 1;

/** The key a kept score row is valid for: a hash of the model's scoring. */
export function scoringKey(model: TMaturityModel): string {
	const scoring = {
		rule: RULE,
		dimensions: model.dimensions.map((d) => [d.code, d.items.length, d.weight]),
		items: itemScoreTable(model.items)
	};
	return createHash('sha256').update(JSON.stringify(scoring)).digest('base64url').slice(0, 22);
}

/**
 * Brings the kept dimension scores of a wave's responses up to date (`response_scores`): those without a
 * row, or whose row was computed from older answers (the response's `answers_revision` moved on) or
 * under another scoring, are computed again from their answers; the rest are left. A response's score in
 * a dimension is the mean of its item scores there, kept only when at least half the dimension's items
 * are answered with a score (see itemScore); its index is the weighted mean of its dimension scores,
 * kept only when at least half the dimensions have one. A response without a scored answer gets nulls.
 *
 * Runs where the index is read, so every way answers are written (pages, imports, the demo) is covered:
 * the trigger on `answers` raises the revision. A revision read before a concurrent save commits is
 * stored with its score, and so never passes for the newer answers.
 */
export async function refreshResponseScores(
	db: TDb | TTx,
	waveId: string,
	model: TMaturityModel
): Promise<void> {
	const key = scoringKey(model);
	const stale = sql`select r.id, r.answers_revision from responses r
		left join response_scores k on k.response_id = r.id
		where r.wave_id = ${waveId}
			and (k.response_id is null or k.revision <> r.answers_revision or k.model_key <> ${key})`;
	// Most reads find every score current: a cheap look first, so the planner does not prepare (or
	// compile) the computation for a whole wave that is not needed.
	// (A count, not `limit 1`: found nothing, a limit would look up each response's row one by one.)
	const [found] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${stale}) s`));
	if (!found?.n) return;
	const columns = model.dimensions.map((d, i) => ({ ...d, i }));
	const position = new Map(columns.map((d) => [d.code, d.i]));
	// The item scores as a list of values (not a JSON document): the planner then knows how many rows
	// the join with the answers gives.
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
	const scores: SQL[] = columns.map(
		(d) => sql`case when 2 * coalesce(${sql.raw(`c${d.i}`)}, 0) >= ${d.items.length}::int
			then ${sql.raw(`s${d.i}`)} / ${sql.raw(`c${d.i}`)} end as ${sql.raw(`d${d.i}`)}`
	);
	const dims = columns.map((d) => ({ name: sql.raw(`d${d.i}`), weight: d.weight }));
	const scored = sql.join(
		dims.map((d) => sql`(${d.name} is not null)::int`),
		sql` + `
	);
	const weighted = sql.join(
		dims.map((d) => sql`coalesce(${d.name} * ${d.weight}::float8, 0)`),
		sql` + `
	);
	const weights = sql.join(
		dims.map((d) => sql`(${d.name} is not null)::int * ${d.weight}::float8`),
		sql` + `
	);
	const itemCodes = model.items.map((q) => q.code);
	await db.execute(sql`
		with items(question_code, option_code, value_num, score, dim) as (${items}),
		stale as (${stale}),
		item_sums as (
			select a.response_id, ${sql.join(itemSums, sql`, `)}
			from stale
			join answers a on a.response_id = stale.id
			join items i on i.question_code = a.question_code and i.option_code = a.option_code
				and (i.value_num is null or i.value_num = a.value_num)
			where a.wave_id = ${waveId} ${itemCodes.length > 0 ? sql`and a.question_code in ${itemCodes}` : sql``}
			group by a.response_id
		),
		dimension_scores as (
			select stale.id, stale.answers_revision, ${sql.join(scores, sql`, `)}
			from stale left join item_sums on item_sums.response_id = stale.id
		)
		insert into response_scores (response_id, model_key, revision, scores, index)
		select id, ${key}, answers_revision, array[${sql.join(
			dims.map((d) => d.name),
			sql`, `
		)}]::float8[],
			case when 2 * (${scored}) >= ${dims.length}::int then (${weighted}) / (${weights}) end
		from dimension_scores
		on conflict (response_id) do update set model_key = excluded.model_key,
			revision = excluded.revision, scores = excluded.scores, index = excluded.index`);
}

/**
 * The same for a wave whose questionnaire is at hand, when many answers were just written (an import):
 * the first report after it then reads kept scores. Nothing when the questionnaire measures no dimension.
 */
export async function refreshWaveScores(
	db: TDb | TTx,
	waveId: string,
	questionnaire: TQuestionnaire
): Promise<void> {
	const model = maturityModel(questionnaire);
	if (model.dimensions.length > 0) await refreshResponseScores(db, waveId, model);
}
