import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { TDraftEdit, TDraftStructureEdit } from '../../core/questionnaire/draft-edit.ts';
import { MANAGERS } from '../../core/roles/role-sets.ts';
import { m } from '../../paraglide/messages.js';
import type { AppError } from '../app-error.ts';
import { editQuestionnaireDraft } from '../questionnaires/edit-questionnaire-draft.ts';
import { formAction } from './form-action.ts';
import type { TSchemaFor } from './form-input.ts';

/**
 * The fields every form of the questionnaire designer posts: the draft's revision the page showed, and
 * which form it is (`target`), so that a refusal is shown beside that form.
 */
export const DRAFT_FORM = {
	revision: z.coerce.number().int().min(1),
	target: z.string().max(100).default('')
};

/**
 * A refused edit of a draft, in the page's error summary: a save over someone else's (the page shows the
 * newest draft again), or the questionnaire model's errors (a condition on the same page, say).
 */
export function draftRefusal(e: AppError) {
	if (e.code === 'CONFLICT') return { field: '', message: m.questionnaire_draft_conflict(), status: 409 };
	if (e.code === 'INVALID_INPUT' && Array.isArray(e.details))
		return { field: '', message: e.details.map(String).join(' ') };
	return undefined;
}

/**
 * One form of the designer as an action: its fields parsed with `schema`, turned into one edit by
 * `toEdit`, saved over the posted revision, then back to the draft page (administrators and analysts).
 */
export function draftEditAction<S extends z.ZodType<{ revision: number }>>(
	schema: TSchemaFor<S>,
	toEdit: (input: z.output<S>) => TDraftEdit | TDraftStructureEdit
) {
	return formAction(
		{ roles: MANAGERS, schema, refusal: draftRefusal },
		async ({ user, db, input, lang, event }) => {
			const code = event.params.code ?? '';
			await editQuestionnaireDraft(db, {
				code,
				revision: input.revision,
				edit: toEdit(input),
				actor: user.email,
				lang
			});
			redirect(303, `/admin/questionnaires/${encodeURIComponent(code)}/draft?saved`);
		}
	);
}
