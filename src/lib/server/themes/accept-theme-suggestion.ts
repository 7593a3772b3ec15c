import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { answers, answerThemes, themes } from '../db/schema.ts';
import { findTextQuestion } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef, ZThemeLabel } from './theme-input.ts';

export const ZAcceptThemeSuggestion = ZQuestionRef.extend({
	/** The suggested name, or the analyst's edit of it; an existing theme of that name is reused. */
	label: ZThemeLabel,
	responseIds: z.array(ZId).min(1, 'Välj minst ett svar.').max(10_000)
});
export type AcceptThemeSuggestionOptions = z.input<typeof ZAcceptThemeSuggestion>;

/**
 * Accepts a suggested group: creates the theme (or takes the existing one of that name) and tags the
 * group's answers with it, in one transaction. Accepting the same group again changes nothing.
 */
export async function acceptThemeSuggestion(db: TDb, options: AcceptThemeSuggestionOptions) {
	const input = parseInput(ZAcceptThemeSuggestion, options);
	const { wave } = await findTextQuestion(db, input);
	return db.transaction(async (tx) => {
		const ids = [...new Set(input.responseIds)];
		const found = await tx
			.select({ responseId: answers.responseId })
			.from(answers)
			.where(
				and(
					eq(answers.waveId, wave.id),
					eq(answers.questionCode, input.questionCode),
					eq(answers.optionCode, ''),
					isNotNull(answers.valueText),
					inArray(answers.responseId, ids)
				)
			);
		if (found.length !== ids.length) {
			throw new AppError('NOT_FOUND', 'Några av svaren finns inte på den här frågan.');
		}
		await tx
			.insert(themes)
			.values({ waveId: wave.id, questionCode: input.questionCode, label: input.label })
			.onConflictDoNothing();
		const [theme] = await tx
			.select()
			.from(themes)
			.where(
				and(
					eq(themes.waveId, wave.id),
					eq(themes.questionCode, input.questionCode),
					eq(themes.label, input.label)
				)
			);
		if (!theme) throw new AppError('CONFLICT', 'Temat kunde inte skapas; försök igen.');
		await tx
			.insert(answerThemes)
			.values(ids.map((responseId) => ({ responseId, questionCode: input.questionCode, themeId: theme.id })))
			.onConflictDoNothing();
		return { theme, tagged: ids.length };
	});
}
