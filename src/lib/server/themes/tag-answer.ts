import type { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { answerThemes } from '../db/schema.ts';
import { assertTextAnswer, findTextQuestion, findTheme } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZTagAnswer = ZQuestionRef.extend({ responseId: ZId, themeId: ZId });
export type TagAnswerOptions = z.input<typeof ZTagAnswer>;

/** Gives a free-text answer a theme (an answer may have several); tagging twice changes nothing. */
export async function tagAnswer(db: TDb, options: TagAnswerOptions): Promise<void> {
	const input = parseInput(ZTagAnswer, options);
	const { wave } = await findTextQuestion(db, input);
	await db.transaction(async (tx) => {
		await findTheme(tx, wave.id, input.questionCode, input.themeId);
		await assertTextAnswer(tx, wave.id, input.questionCode, input.responseId);
		await tx
			.insert(answerThemes)
			.values({ responseId: input.responseId, questionCode: input.questionCode, themeId: input.themeId })
			.onConflictDoNothing();
	});
}
