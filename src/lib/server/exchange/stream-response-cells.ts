import { and, asc, eq, gt, inArray } from 'drizzle-orm';
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
		const ids = batch.map((r) => r.id);
		const rows = await db
			.select({
				responseId: answers.responseId,
				questionCode: answers.questionCode,
				optionCode: answers.optionCode,
				valueNum: answers.valueNum,
				valueText: answers.valueText
			})
			.from(answers)
			.where(inArray(answers.responseId, ids));
		const byResponse = new Map<string, TAnswerRow[]>();
		for (const { responseId, ...row } of rows) {
			const list = byResponse.get(responseId);
			if (list) list.push(row);
			else byResponse.set(responseId, [row]);
		}
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
