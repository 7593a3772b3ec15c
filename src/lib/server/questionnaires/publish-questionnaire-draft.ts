import { and, eq } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';
import { importQuestionnaire } from './import-questionnaire.ts';

/**
 * Publishes a questionnaire's draft as its next immutable version (importQuestionnaire: the model, the
 * questionnaire family's rule, the audit entry) and removes the draft. Publishing the revision the user
 * saw only: a newer one is refused (CONFLICT). Done twice, the second finds no draft (NOT_FOUND).
 */
export async function publishQuestionnaireDraft(
	db: TDb,
	input: { code: string; revision: number; actor: string; lang: 'sv' | 'en' }
): Promise<{ version: number }> {
	const draft = await getQuestionnaireDraft(db, input.code);
	if (!draft) throw new AppError('NOT_FOUND', `No draft of "${input.code}"`);
	if (draft.revision !== input.revision) {
		throw new AppError('CONFLICT', `The draft of "${input.code}" was changed by someone else; reload it`, {
			revision: draft.revision
		});
	}
	const published = await importQuestionnaire(db, draft.definition, { actor: input.actor, lang: input.lang });
	await db
		.delete(questionnaireDrafts)
		.where(and(eq(questionnaireDrafts.code, input.code), eq(questionnaireDrafts.revision, input.revision)));
	return { version: published.questionnaire.version };
}
