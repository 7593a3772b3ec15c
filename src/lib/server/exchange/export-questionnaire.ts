import { and, desc, eq } from 'drizzle-orm';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';

/**
 * A published questionnaire's definition, as the data file `questionnaire import` accepts (so a region
 * can share its questionnaire): the newest version unless one is named.
 */
export async function exportQuestionnaire(
	db: TDb,
	input: { code: string; version?: number }
): Promise<{ filename: string; definition: TQuestionnaire; json: string }> {
	const [row] = await db
		.select({ id: questionnaireVersions.id, version: questionnaireVersions.version })
		.from(questionnaireVersions)
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.where(
			and(
				eq(questionnaires.code, input.code),
				input.version === undefined ? undefined : eq(questionnaireVersions.version, input.version)
			)
		)
		.orderBy(desc(questionnaireVersions.version))
		.limit(1);
	if (!row) {
		const which = input.version === undefined ? '' : ` version ${input.version}`;
		throw new AppError('NOT_FOUND', `No published questionnaire "${input.code}"${which}`);
	}
	const definition = await getQuestionnaireVersion(db, row.id);
	return {
		filename: `${definition.code}-v${definition.version}.json`,
		definition,
		json: `${JSON.stringify(definition, null, '\t')}\n`
	};
}
