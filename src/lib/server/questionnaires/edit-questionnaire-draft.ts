import { and, eq, sql } from 'drizzle-orm';
import {
	applyDraftEdit,
	type TDraftEdit,
	type TDraftStructureEdit
} from '../../core/questionnaire/draft-edit.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';

/**
 * Saves one edit to a questionnaire's draft (a text, or a question added or removed) over the revision the editor started from and returns the
 * new revision. An edit that would break the questionnaire model is refused with the model's errors in
 * `lang` (INVALID_INPUT); a save over a newer revision is refused (CONFLICT), so that two people editing
 * at once do not overwrite each other; an unknown draft, section or question is NOT_FOUND.
 */
export async function editQuestionnaireDraft(
	db: TDb,
	input: {
		code: string;
		revision: number;
		edit: TDraftEdit | TDraftStructureEdit;
		actor: string;
		lang: 'sv' | 'en';
	}
): Promise<{ revision: number }> {
	const draft = await getQuestionnaireDraft(db, input.code);
	if (!draft) throw new AppError('NOT_FOUND', `No draft of "${input.code}"`);
	const result = applyDraftEdit(draft.definition, input.edit, input.lang);
	if (!result.ok) {
		if (result.reason === 'invalid')
			throw new AppError('INVALID_INPUT', result.errors.join('\n'), result.errors);
		throw new AppError(
			'NOT_FOUND',
			`The draft of "${input.code}" has no such ${result.reason === 'unknown-section' ? 'section' : 'question'}`
		);
	}
	const [saved] = await db
		.update(questionnaireDrafts)
		.set({
			definition: result.definition,
			revision: sql`${questionnaireDrafts.revision} + 1`,
			updatedBy: input.actor,
			updatedAt: new Date()
		})
		.where(and(eq(questionnaireDrafts.code, input.code), eq(questionnaireDrafts.revision, input.revision)))
		.returning({ revision: questionnaireDrafts.revision });
	if (!saved) {
		throw new AppError('CONFLICT', `The draft of "${input.code}" was changed by someone else; reload it`, {
			revision: draft.revision
		});
	}
	return saved;
}
