import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDb } from '../db/client.ts';
import { exportQuestionnaire } from '../exchange/export-questionnaire.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';

/** What a preview shows: the draft when someone is writing one, else the newest published version. */
export interface TPreviewQuestionnaire {
	definition: TQuestionnaire;
	source: 'draft' | 'published';
}

/** Questionnaire `code` to preview as a respondent; NOT_FOUND (AppError) when there is neither. */
export async function getPreviewQuestionnaire(db: TDb, code: string): Promise<TPreviewQuestionnaire> {
	const draft = await getQuestionnaireDraft(db, code);
	if (draft) return { definition: draft.definition, source: 'draft' };
	return { definition: (await exportQuestionnaire(db, { code })).definition, source: 'published' };
}
