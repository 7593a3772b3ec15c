import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { themes } from '../db/schema.ts';
import { findTextQuestion, findTheme } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZDeleteTheme = ZQuestionRef.extend({
	themeId: ZId,
	/** Who deletes it, for the audit log (an e-mail address, or `cli`). */
	actor: z.string().min(1).default('cli')
});
export type DeleteThemeOptions = z.input<typeof ZDeleteTheme>;

/** Deletes a theme and its taggings; the answers themselves stay. */
export async function deleteTheme(db: TDb, options: DeleteThemeOptions): Promise<void> {
	const input = parseInput(ZDeleteTheme, options);
	const { wave } = await findTextQuestion(db, input);
	await db.transaction(async (tx) => {
		const theme = await findTheme(tx, wave.id, input.questionCode, input.themeId);
		await tx.delete(themes).where(eq(themes.id, input.themeId));
		await recordAudit(tx, {
			actor: input.actor,
			action: 'theme.delete',
			subject: `${input.waveSlug}/${input.questionCode}`,
			details: { theme: theme.label }
		});
	});
}
