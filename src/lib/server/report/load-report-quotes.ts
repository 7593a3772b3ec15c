import { and, eq, inArray } from 'drizzle-orm';
import type { TReportQuote } from '../../core/report/report-inputs.ts';
import type { TDb } from '../db/client.ts';
import { answerMarks, answers, responses } from '../db/schema.ts';

/**
 * The free-text answers the analyst chose to quote, as long as they are still marked quotable: only
 * complete responses of the wave, and (for an organisation's report) only from that organisation's units.
 */
export async function loadReportQuotes(
	db: TDb,
	waveId: string,
	chosen: Array<{ questionCode: string; responseIds: string[] }>,
	organisationIds?: string[]
): Promise<TReportQuote[]> {
	const responseIds = [...new Set(chosen.flatMap((c) => c.responseIds))];
	const codes = chosen.filter((c) => c.responseIds.length > 0).map((c) => c.questionCode);
	if (responseIds.length === 0 || codes.length === 0) return [];
	if (organisationIds && organisationIds.length === 0) return [];
	const rows = await db
		.select({ responseId: answers.responseId, questionCode: answers.questionCode, text: answers.valueText })
		.from(answers)
		.innerJoin(responses, eq(responses.id, answers.responseId))
		.innerJoin(
			answerMarks,
			and(eq(answerMarks.responseId, answers.responseId), eq(answerMarks.questionCode, answers.questionCode))
		)
		.where(
			and(
				eq(answers.waveId, waveId),
				inArray(answers.responseId, responseIds),
				inArray(answers.questionCode, codes),
				eq(answers.optionCode, ''),
				eq(answerMarks.quotable, true),
				eq(responses.status, 'complete'),
				organisationIds ? inArray(responses.organisationId, organisationIds) : undefined
			)
		);
	const wanted = new Set(chosen.flatMap((c) => c.responseIds.map((id) => `${c.questionCode}:${id}`)));
	return rows
		.filter((r) => r.text !== null && r.text.trim() !== '' && wanted.has(`${r.questionCode}:${r.responseId}`))
		.map((r) => ({ responseId: r.responseId, questionCode: r.questionCode, text: r.text ?? '' }));
}
