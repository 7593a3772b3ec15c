import { eq } from 'drizzle-orm';
import { defaultReport } from '../../core/report/default-report.ts';
import { type TReportDefinition, ZReportDefinition } from '../../core/report/report-definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations, reports } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from '../waves/get-wave.ts';

export interface TReportDraft {
	id: string;
	waveId: string;
	definition: TReportDefinition;
	/** Grows with every save: a save names the revision it edited, so a stale one is refused. */
	revision: number;
	updatedAt: Date;
}

/**
 * The wave's report draft, created from the default report the first time it is asked for (two
 * requests at once still make one draft: the wave's report is unique).
 */
export async function getReportDraft(db: TDb, slug: string, lang: 'sv' | 'en' = 'sv'): Promise<TReportDraft> {
	const wave = await getWave(db, slug);
	const existing = await readDraft(db, wave.id);
	if (existing) return existing;
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const [owner] = wave.ownerOrganisationId
		? await db
				.select({ name: organisations.name })
				.from(organisations)
				.where(eq(organisations.id, wave.ownerOrganisationId))
		: [];
	const definition = defaultReport({
		questionnaire,
		wave: { name: wave.name, period: wave.period },
		organisation: owner?.name ?? '',
		lang
	});
	await db
		.insert(reports)
		.values({ waveId: wave.id, definition })
		.onConflictDoNothing({ target: reports.waveId });
	const created = await readDraft(db, wave.id);
	if (!created) throw new AppError('NOT_FOUND', `No report for the wave "${slug}"`);
	return created;
}

async function readDraft(db: TDb, waveId: string): Promise<TReportDraft | null> {
	const [row] = await db.select().from(reports).where(eq(reports.waveId, waveId));
	if (!row) return null;
	return {
		id: row.id,
		waveId: row.waveId,
		definition: ZReportDefinition.parse(row.definition),
		revision: row.revision,
		updatedAt: row.updatedAt
	};
}
