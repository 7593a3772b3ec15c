import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';

/** Throws away a questionnaire's draft (the published versions are untouched); nothing to do when none. */
export async function discardQuestionnaireDraft(
	db: TDb,
	input: { code: string; actor: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const removed = await tx
			.delete(questionnaireDrafts)
			.where(eq(questionnaireDrafts.code, input.code))
			.returning({ version: questionnaireDrafts.baseVersion });
		const [draft] = removed;
		if (draft) {
			await recordAudit(tx, {
				actor: input.actor,
				action: 'questionnaire.draft_discard',
				subject: `${input.code} v${(draft.version ?? 0) + 1}`
			});
		}
	});
}
