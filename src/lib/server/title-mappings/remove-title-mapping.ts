import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { normaliseTitle } from '../../core/participants/normalise-title.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { titleMappings } from '../db/schema.ts';
import { applyTitleRoleGroup } from './apply-title-role-group.ts';

export const ZRemoveTitleMapping = z.object({
	title: z.string().trim().min(1).max(200).transform(normaliseTitle),
	actor: z.string().min(1)
});

/**
 * Removes a title's mapping: participants with that title in draft and open waves go back to the
 * questionnaire's keywords. Removing a mapping that is not there changes nothing.
 */
export async function removeTitleMapping(db: TDb, options: z.input<typeof ZRemoveTitleMapping>) {
	const input = ZRemoveTitleMapping.parse(options);
	return db.transaction(async (tx) => {
		const removed = await tx.delete(titleMappings).where(eq(titleMappings.title, input.title)).returning();
		if (removed.length === 0) return { title: input.title, participants: 0 };
		const participants = await applyTitleRoleGroup(tx, input.title);
		await recordAudit(tx, {
			actor: input.actor,
			action: 'title-mapping.remove',
			subject: `title:${input.title}`,
			details: { participants }
		});
		return { title: input.title, participants };
	});
}
