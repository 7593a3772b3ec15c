import { desc, eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';

export interface QuestionnaireSummary {
	code: string;
	title: string;
	version: number;
	versionId: string;
	publishedAt: Date;
}

/** Every published questionnaire version, newest version of each code first. */
export async function listQuestionnaires(db: TDb): Promise<QuestionnaireSummary[]> {
	return db
		.select({
			code: questionnaires.code,
			title: questionnaires.title,
			version: questionnaireVersions.version,
			versionId: questionnaireVersions.id,
			publishedAt: questionnaireVersions.publishedAt
		})
		.from(questionnaireVersions)
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.orderBy(questionnaires.code, desc(questionnaireVersions.version));
}
