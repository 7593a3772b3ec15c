import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { themes } from '../db/schema.ts';
import { findTextQuestion } from './find-text-question.ts';
import { parseInput, ZQuestionRef, ZThemeLabel } from './theme-input.ts';

export const ZCreateTheme = ZQuestionRef.extend({ label: ZThemeLabel });
export type CreateThemeOptions = z.input<typeof ZCreateTheme>;

/** Creates a theme for a free-text question of a wave; a name already used for the question is refused. */
export async function createTheme(db: TDb, options: CreateThemeOptions) {
	const input = parseInput(ZCreateTheme, options);
	const { wave } = await findTextQuestion(db, input);
	const [theme] = await db
		.insert(themes)
		.values({ waveId: wave.id, questionCode: input.questionCode, label: input.label })
		.onConflictDoNothing()
		.returning();
	if (!theme) throw new AppError('CONFLICT', `Det finns redan ett tema som heter "${input.label}".`);
	return theme;
}
