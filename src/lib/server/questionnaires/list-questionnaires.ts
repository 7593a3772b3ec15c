import { desc, eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';

export interface QuestionnaireSummary {
	code: string;
	title: string;
	version: number;
	versionId: string;
	publishedAt: Date;
	/** The number of questions in this version, over all its sections. */
	questionCount: number;
}

/** Every published questionnaire version, newest version of each code first. */
export async function listQuestionnaires(db: TDb): Promise<QuestionnaireSummary[]> {
	return db
		.select({
			code: questionnaires.code,
			title: questionnaires.title,
			version: questionnaireVersions.version,
			versionId: questionnaireVersions.id,
			publishedAt: questionnaireVersions.publishedAt,
			questionCount: sql<number>`(
				select coalesce(sum(jsonb_array_length(s -> 'questions')), 0)::int
				from jsonb_array_elements(${questionnaireVersions.definition} -> 'sections') as s
			)`
		})
		.from(questionnaireVersions)
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.orderBy(questionnaires.code, desc(questionnaireVersions.version));
}
