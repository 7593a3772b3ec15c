import { eq } from 'drizzle-orm';
import { responseColumns, type TExportColumn } from '../../core/exchange/response-columns.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';

export interface TExportWave {
	id: string;
	slug: string;
	name: string;
	anonymous: boolean;
	questionnaire: TQuestionnaire;
	columns: TExportColumn[];
}

/** A wave with its questionnaire and export columns, for every export of its responses. */
export async function loadExportWave(db: TDb, slug: string): Promise<TExportWave> {
	const [wave] = await db.select().from(waves).where(eq(waves.slug, slug));
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	return {
		id: wave.id,
		slug: wave.slug,
		name: wave.name,
		anonymous: wave.anonymous,
		questionnaire,
		columns: responseColumns(questionnaire)
	};
}
