import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';
import { exportQuestionnaire } from '../exchange/export-questionnaire.ts';
import { getQuestionnaireDraft, type TQuestionnaireDraft } from './get-questionnaire-draft.ts';

/**
 * Starts the next version of a published questionnaire as a draft: a copy of its newest version, with
 * every question and option code kept (so waves of the two versions compare) and the next version number.
 * When a draft already exists it is returned as it is (one draft per questionnaire, as two people
 * clicking at once expect).
 */
export async function createQuestionnaireDraft(
	db: TDb,
	input: { code: string; actor: string }
): Promise<TQuestionnaireDraft> {
	const existing = await getQuestionnaireDraft(db, input.code);
	if (existing) return existing;
	const newest = await exportQuestionnaire(db, { code: input.code });
	const definition = { ...newest.definition, version: newest.definition.version + 1 };
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(questionnaireDrafts)
			.values({
				code: input.code,
				baseVersion: newest.definition.version,
				definition,
				updatedBy: input.actor
			})
			.onConflictDoNothing({ target: questionnaireDrafts.code })
			.returning({ id: questionnaireDrafts.id });
		if (row) {
			await recordAudit(tx, {
				actor: input.actor,
				action: 'questionnaire.draft_create',
				subject: `${input.code} v${definition.version}`
			});
		}
	});
	const created = await getQuestionnaireDraft(db, input.code);
	if (!created) throw new Error('questionnaire draft missing after insert');
	return created;
}
