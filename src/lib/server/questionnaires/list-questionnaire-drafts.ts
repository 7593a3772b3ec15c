import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';

/**
 * The questionnaires someone is writing a version of: code, the version the draft will be, and whether the
 * questionnaire has a published version already (false: a new questionnaire).
 */
export async function listQuestionnaireDrafts(
	db: TDb
): Promise<Array<{ code: string; version: number; published: boolean }>> {
	const rows = await db
		.select({ code: questionnaireDrafts.code, base: questionnaireDrafts.baseVersion })
		.from(questionnaireDrafts);
	return rows.map((r) => ({ code: r.code, version: (r.base ?? 0) + 1, published: r.base !== null }));
}
