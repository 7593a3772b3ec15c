import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { answerThemes } from '../db/schema.ts';
import { findTextQuestion, findTheme } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZUntagAnswer = ZQuestionRef.extend({ responseId: ZId, themeId: ZId });
export type UntagAnswerOptions = z.input<typeof ZUntagAnswer>;

/** Takes a theme off a free-text answer; taking it off twice changes nothing. */
export async function untagAnswer(db: TDb, options: UntagAnswerOptions): Promise<void> {
	const input = parseInput(ZUntagAnswer, options);
	const { wave } = await findTextQuestion(db, input);
	await db.transaction(async (tx) => {
		await findTheme(tx, wave.id, input.questionCode, input.themeId);
		await tx
			.delete(answerThemes)
			.where(
				and(
					eq(answerThemes.responseId, input.responseId),
					eq(answerThemes.questionCode, input.questionCode),
					eq(answerThemes.themeId, input.themeId)
				)
			);
	});
}
