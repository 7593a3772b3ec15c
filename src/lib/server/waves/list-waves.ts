import { desc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions, responses, waves } from '../db/schema.ts';

/** All waves, newest first, with counts of complete responses. */
export async function listWaves(db: TDb) {
	return db
		.select({
			slug: waves.slug,
			name: waves.name,
			period: waves.period,
			mode: waves.mode,
			status: waves.status,
			minGroupSize: waves.minGroupSize,
			questionnaireCode: questionnaires.code,
			questionnaireVersion: questionnaireVersions.version,
			createdAt: waves.createdAt,
			complete: sql<number>`(select count(*)::int from ${responses} r where r.wave_id = ${waves.id} and r.status = 'complete')`
		})
		.from(waves)
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, waves.questionnaireVersionId))
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.orderBy(desc(waves.createdAt));
}
