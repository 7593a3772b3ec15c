import { eq } from 'drizzle-orm';
import type { TAnswerRow } from '../../core/questionnaire/answer.ts';
import type { TDb, TTx } from '../db/client.ts';
import { answers } from '../db/schema.ts';

/** The answer rows stored for one response (none for an id that matches nothing). */
export function loadAnswerRows(db: TDb | TTx, responseId: string): Promise<TAnswerRow[]> {
	return db
		.select({
			questionCode: answers.questionCode,
			optionCode: answers.optionCode,
			valueNum: answers.valueNum,
			valueText: answers.valueText
		})
		.from(answers)
		.where(eq(answers.responseId, responseId));
}
