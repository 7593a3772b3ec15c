import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { answerThemes, themes } from '../db/schema.ts';
import { findTextQuestion, findTheme } from './find-text-question.ts';
import { parseInput, ZId, ZQuestionRef } from './theme-input.ts';

export const ZMergeThemes = ZQuestionRef.extend({
	sourceId: ZId,
	targetId: ZId,
	/** Who merges, for the audit log (an e-mail address, or `cli`). */
	actor: z.string().min(1).default('cli')
});
export type MergeThemesOptions = z.input<typeof ZMergeThemes>;

/**
 * Merges one theme into another: its answers get the target theme (an answer that has both keeps one
 * tagging) and the merged theme is removed.
 */
export async function mergeThemes(db: TDb, options: MergeThemesOptions): Promise<void> {
	const input = parseInput(ZMergeThemes, options);
	if (input.sourceId === input.targetId) {
		throw new AppError('INVALID_INPUT', 'Välj två olika teman att slå ihop.');
	}
	const { wave } = await findTextQuestion(db, input);
	await db.transaction(async (tx) => {
		// Lock both in one order, so that two merges of the same pair cannot wait for each other.
		const locked = new Map<string, string>();
		for (const id of [input.sourceId, input.targetId].sort()) {
			locked.set(id, (await findTheme(tx, wave.id, input.questionCode, id)).label);
		}
		await tx.execute(sql`
			insert into ${answerThemes} (response_id, question_code, theme_id)
			select response_id, question_code, ${input.targetId}::uuid from ${answerThemes}
			where theme_id = ${input.sourceId}::uuid
			on conflict do nothing`);
		// Removing the theme removes its taggings with it (on delete cascade).
		await tx.delete(themes).where(eq(themes.id, input.sourceId));
		await recordAudit(tx, {
			actor: input.actor,
			action: 'theme.merge',
			subject: `${input.waveSlug}/${input.questionCode}`,
			details: { merged: locked.get(input.sourceId), into: locked.get(input.targetId) }
		});
	});
}
