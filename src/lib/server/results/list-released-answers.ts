import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { rowsOf, scopedResponses, type TResponseScope } from './response-scope.ts';

/**
 * The free-text answers in the scope that the analyst has released (answer_marks.released) for the
 * given questions, per question code, A to Ö (not in the order they came in). Blank answers are left out.
 */
export async function listReleasedAnswers(
	db: TDb,
	scope: TResponseScope,
	questionCodes: string[]
): Promise<Map<string, string[]>> {
	const released = new Map<string, string[]>(questionCodes.map((code) => [code, []]));
	if (questionCodes.length === 0) return released;
	const rows = rowsOf<{ question: string; text: string }>(
		await db.execute(sql`
			select a.question_code as question, a.value_text as text
			from answers a
			join (${scopedResponses(scope)}) s on s.id = a.response_id
			join answer_marks m on m.response_id = a.response_id and m.question_code = a.question_code
			where a.wave_id = ${scope.waveId} and a.question_code in ${questionCodes}
				and a.option_code = '' and btrim(a.value_text) <> '' and m.released`)
	);
	for (const row of rows) released.get(row.question)?.push(row.text);
	for (const texts of released.values()) texts.sort((a, b) => a.localeCompare(b, 'sv'));
	return released;
}
