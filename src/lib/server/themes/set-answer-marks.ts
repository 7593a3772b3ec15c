import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { answerMarks } from '../db/schema.ts';
import { assertTextAnswer, findTextQuestion } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZSetAnswerMarks = ZQuestionRef.extend({
	responseId: ZId,
	/** May be quoted in the report. */
	quotable: z.boolean().optional(),
	/** May be shown to the contacts of the answer's organisation. */
	released: z.boolean().optional(),
	/** Who sets them, for the audit log (an e-mail address, or `cli`). */
	actor: z.string().min(1).default('cli')
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
		const result = { quotable: marks?.quotable ?? false, released: marks?.released ?? false };
		// Releasing free text shows it to people outside the analysis: keep a record of who decided.
		await recordAudit(tx, {
			actor: input.actor,
			action: 'answer.marks',
			subject: `${input.waveSlug}/${input.questionCode}`,
			details: { response: input.responseId, ...result }
		});
		return result;
	});
}
