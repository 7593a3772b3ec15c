import { eq, sql } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { participants, questionnaires, questionnaireVersions, responses, waves } from '../db/schema.ts';

/** A wave by slug, with its questionnaire and counts of responses. */
export async function getWave(db: TDb, slug: string) {
	const [row] = await db
		.select({
			wave: waves,
			questionnaireCode: questionnaires.code,
			questionnaireVersion: questionnaireVersions.version,
			complete: sql<number>`(select count(*)::int from ${responses} r where r.wave_id = ${waves.id} and r.status = 'complete')`,
			partial: sql<number>`(select count(*)::int from ${responses} r where r.wave_id = ${waves.id} and r.status = 'partial')`,
			invited: sql<number>`(select count(*)::int from ${participants} p where p.wave_id = ${waves.id})`
		})
		.from(waves)
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, waves.questionnaireVersionId))
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.where(eq(waves.slug, slug));
	if (!row) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
	return {
		...row.wave,
		questionnaireCode: row.questionnaireCode,
		questionnaireVersion: row.questionnaireVersion,
		responses: { complete: row.complete, partial: row.partial },
		invited: row.invited
	};
}
export type TWaveDetails = Awaited<ReturnType<typeof getWave>>;
