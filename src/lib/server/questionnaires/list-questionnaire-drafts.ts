import type { TDb } from '../db/client.ts';
import { questionnaireDrafts } from '../db/schema.ts';

/** The questionnaires someone is writing a next version of: code and the version the draft will be. */
export async function listQuestionnaireDrafts(db: TDb): Promise<Array<{ code: string; version: number }>> {
	const rows = await db
		.select({ code: questionnaireDrafts.code, base: questionnaireDrafts.baseVersion })
		.from(questionnaireDrafts);
	return rows.map((r) => ({ code: r.code, version: r.base + 1 }));
}
