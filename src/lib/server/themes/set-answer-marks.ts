import { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { answerMarks } from '../db/schema.ts';
import { assertTextAnswer, findTextQuestion } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZSetAnswerMarks = ZQuestionRef.extend({
	responseId: ZId,
	/** May be quoted in the report. */
	quotable: z.boolean().optional(),
	/** May be shown to the contacts of the answer's organisation. */
	released: z.boolean().optional()
});
export type SetAnswerMarksOptions = z.input<typeof ZSetAnswerMarks>;

/** Sets the analyst's marks on a free-text answer; a mark left out keeps its value. */
export async function setAnswerMarks(db: TDb, options: SetAnswerMarksOptions) {
	const input = parseInput(ZSetAnswerMarks, options);
	const { wave } = await findTextQuestion(db, input);
	return db.transaction(async (tx) => {
		await assertTextAnswer(tx, wave.id, input.questionCode, input.responseId);
		const changes = {
			...(input.quotable === undefined ? {} : { quotable: input.quotable }),
			...(input.released === undefined ? {} : { released: input.released }),
			updatedAt: new Date()
		};
		const [marks] = await tx
			.insert(answerMarks)
			.values({ responseId: input.responseId, questionCode: input.questionCode, ...changes })
			.onConflictDoUpdate({ target: [answerMarks.responseId, answerMarks.questionCode], set: changes })
			.returning();
		return { quotable: marks?.quotable ?? false, released: marks?.released ?? false };
	});
}
