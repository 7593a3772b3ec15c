import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { themes } from '../db/schema.ts';
import { findTextQuestion, findTheme } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef, ZThemeLabel } from './theme-input.ts';

export const ZRenameTheme = ZQuestionRef.extend({ themeId: ZId, label: ZThemeLabel });
export type RenameThemeOptions = z.input<typeof ZRenameTheme>;

/** Renames a theme; renaming to its own name changes nothing, another theme's name is refused. */
export async function renameTheme(db: TDb, options: RenameThemeOptions) {
	const input = parseInput(ZRenameTheme, options);
	const { wave } = await findTextQuestion(db, input);
	return db.transaction(async (tx) => {
		await findTheme(tx, wave.id, input.questionCode, input.themeId);
		const [taken] = await tx
			.select({ id: themes.id })
			.from(themes)
			.where(
				and(
					eq(themes.waveId, wave.id),
					eq(themes.questionCode, input.questionCode),
					eq(themes.label, input.label),
					ne(themes.id, input.themeId)
				)
			);
		if (taken) throw new AppError('CONFLICT', `Det finns redan ett tema som heter "${input.label}".`);
		const [theme] = await tx
			.update(themes)
			.set({ label: input.label })
			.where(eq(themes.id, input.themeId))
			.returning();
		return theme;
	});
}
