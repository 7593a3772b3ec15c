import { eq } from 'drizzle-orm';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts, questionnaires } from '../db/schema.ts';
import { getQuestionnaireDraft, type TQuestionnaireDraft } from './get-questionnaire-draft.ts';

/**
 * Stores a new questionnaire's version 1 as a draft, with its audit entry, in one transaction. Refused
 * when the code is taken by a published questionnaire or by another draft (CONFLICT).
 */
export async function insertNewQuestionnaireDraft(
	db: TDb,
	input: {
		code: string;
		definition: TQuestionnaire;
		actor: string;
		action: 'questionnaire.draft_create' | 'questionnaire.draft_import';
	}
): Promise<TQuestionnaireDraft> {
	const { code, definition, actor, action } = input;
	const [published] = await db
		.select({ id: questionnaires.id })
		.from(questionnaires)
		.where(eq(questionnaires.code, code));
	if (published)
		throw new AppError(
			'CONFLICT',
			`A questionnaire "${code}" is already published; write its next version instead`
		);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(questionnaireDrafts)
			.values({ code, baseVersion: null, definition, updatedBy: actor })
			.onConflictDoNothing({ target: questionnaireDrafts.code })
			.returning({ id: questionnaireDrafts.id });
		if (row) await recordAudit(tx, { actor, action, subject: `${code} v1` });
		return Boolean(row);
	});
	if (!created) throw new AppError('CONFLICT', `Someone is already writing a questionnaire "${code}"`);
	const draft = await getQuestionnaireDraft(db, code);
	if (!draft) throw new Error('questionnaire draft missing after insert');
	return draft;
}
