import { and, eq, sql } from 'drizzle-orm';
import {
	applyDraftEdit,
	renameable,
	type TDraftEdit,
	type TDraftStructureEdit
} from '../../core/questionnaire/draft-edit.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';
import { exportQuestionnaire } from '../exchange/export-questionnaire.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';

const MISSING = {
	'unknown-section': 'page',
	'unknown-question': 'question',
	'unknown-option': 'option',
	'unknown-code': 'code'
} as const;

const PUBLISHED_CODES = {
	sv: (question: string) =>
		`Frågan ${question} finns i en publicerad version: dess koder går inte att ändra, eftersom mätomgångarna jämförs med dem.`,
	en: (question: string) =>
		`The question ${question} is in a published version: its codes cannot change, since waves are compared by them.`
};

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
	const { edit } = input;
	if (edit.target === 'rename' && draft.baseVersion !== null) {
		const published = (await exportQuestionnaire(db, { code: input.code })).definition;
		if (!renameable(edit.question, published)) {
			const message = PUBLISHED_CODES[input.lang](edit.question);
			throw new AppError('INVALID_INPUT', message, [message]);
		}
	}
	const result = applyDraftEdit(draft.definition, edit, input.lang);
	if (!result.ok) {
		if (result.reason === 'invalid')
			throw new AppError('INVALID_INPUT', result.errors.join('\n'), result.errors);
		throw new AppError('NOT_FOUND', `The draft of "${input.code}" has no such ${MISSING[result.reason]}`);
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
