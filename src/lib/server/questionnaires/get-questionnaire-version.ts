import { eq } from 'drizzle-orm';
import { type TQuestionnaire, ZQuestionnaire } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireVersions } from '../db/schema.ts';

// Published versions never change, so a parsed definition can be kept for the life of the process.
const cache = new Map<string, TQuestionnaire>();

/** The parsed definition of a published questionnaire version. */
export async function getQuestionnaireVersion(db: TDb, versionId: string): Promise<TQuestionnaire> {
	const cached = cache.get(versionId);
	if (cached) return cached;
	const [row] = await db
		.select({ definition: questionnaireVersions.definition })
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.id, versionId));
	if (!row) throw new AppError('NOT_FOUND', 'Questionnaire version not found');
	const definition = ZQuestionnaire.parse(row.definition);
	cache.set(versionId, definition);
	return definition;
}
