import { eq } from 'drizzle-orm';
import { type TQuestionnaire, ZQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';

export interface TQuestionnaireDraft {
	code: string;
	/** The published version it was made from; null for a new questionnaire. */
	baseVersion: number | null;
	definition: TQuestionnaire;
	revision: number;
	updatedBy: string;
	updatedAt: Date;
}

/** The draft of the next version of questionnaire `code`, or null when nobody is writing one. */
export async function getQuestionnaireDraft(db: TDb, code: string): Promise<TQuestionnaireDraft | null> {
	const [row] = await db.select().from(questionnaireDrafts).where(eq(questionnaireDrafts.code, code));
	if (!row) return null;
	return {
		code: row.code,
		baseVersion: row.baseVersion,
		// Every save was checked against the model; parsing again fills in the defaults.
		definition: ZQuestionnaire.parse(row.definition),
		revision: row.revision,
		updatedBy: row.updatedBy,
		updatedAt: row.updatedAt
	};
}
