import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { responseToCells, type TCell } from '../../core/exchange/response-columns.ts';
import type { TAnswerRow } from '../../core/questionnaire/answer.ts';
import type { TDb } from '../db/client.ts';
import { answers, organisations, responses } from '../db/schema.ts';
import type { TExportWave } from './load-export-wave.ts';

/** Responses read per query: memory stays bounded by one batch however large the wave. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every response of a wave (complete and partial) as a row of cells in column order, read in batches
 * ordered by response id (keyset paging, so each batch is one indexed query). Nothing personal is read:
 * no participant, and in anonymous waves not even the role a respondent typed.
 */
export async function* streamResponseCells(
	db: TDb,
	wave: TExportWave,
	batchSize = EXPORT_BATCH_SIZE
): AsyncGenerator<TCell[][]> {
	let after: string | null = null;
	for (;;) {
		const batch = await db
			.select({
				id: responses.id,
				status: responses.status,
				submittedAt: responses.submittedAt,
				role: responses.role,
				roleGroup: responses.roleGroup,
				organisationCode: organisations.code,
				organisation: organisations.name
			})
			.from(responses)
			.leftJoin(organisations, eq(organisations.id, responses.organisationId))
			.where(and(eq(responses.waveId, wave.id), after === null ? undefined : gt(responses.id, after)))
			.orderBy(asc(responses.id))
			.limit(batchSize);
		if (batch.length === 0) return;
		const byResponse = await answerRowsOf(db, wave.id, batch[0]?.id ?? '', batch[batch.length - 1]?.id ?? '');
		yield batch.map((r) =>
			responseToCells(
				wave.columns,
				{
					responseId: r.id,
					organisationCode: r.organisationCode,
					organisation: r.organisation,
					role: wave.anonymous ? null : r.role,
					roleGroup: r.roleGroup,
					status: r.status,
					submittedAt: r.submittedAt
				},
				byResponse.get(r.id) ?? []
			)
		);
		after = batch[batch.length - 1]?.id ?? null;
		if (batch.length < batchSize) return;
	}
}

/**
 * The answer rows of the wave's responses with ids from `first` to `last`: exactly one batch, since the
 * batch holds every response of the wave in that range. One JSON array per response keeps the number of
 * rows the driver decodes small (many short rows are what makes reading slow, PGlite above all).
 */
async function answerRowsOf(
	db: TDb,
	waveId: string,
	first: string,
	last: string
): Promise<Map<string, TAnswerRow[]>> {
	const result = (await db.execute(sql`
		select ${answers.responseId} as id,
			json_agg(json_build_array(${answers.questionCode}, ${answers.optionCode}, ${answers.valueNum}, ${answers.valueText}))::text as rows
		from ${answers}
		where ${answers.waveId} = ${waveId} and ${answers.responseId} between ${first} and ${last}
		group by ${answers.responseId}`)) as unknown as { rows: Array<{ id: string; rows: string }> };
	const byResponse = new Map<string, TAnswerRow[]>();
	for (const r of result.rows) {
		const tuples = JSON.parse(r.rows) as Array<[string, string, number | null, string | null]>;
		byResponse.set(
			r.id,
			tuples.map(([questionCode, optionCode, valueNum, valueText]) => ({
				questionCode,
				optionCode,
				valueNum,
				valueText
			}))
		);
	}
	return byResponse;
}
