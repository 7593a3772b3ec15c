import { and, eq } from 'drizzle-orm';
import { type TReportDocument, ZReportDocument } from '../../core/report/document.ts';
import { type TReportDefinition, ZReportDefinition } from '../../core/report/report-definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { reports, reportVersions, waves } from '../db/schema.ts';

export interface TReportVersion {
	version: number;
	publishedAt: Date;
	definition: TReportDefinition;
	/** The document as published: rendering it again gives the same PDF, DOCX and page. */
	snapshot: TReportDocument;
}

/** One published version of a wave's report, with its frozen definition and document. */
export async function getReportVersion(db: TDb, slug: string, version: number): Promise<TReportVersion> {
	const [row] = Number.isSafeInteger(version)
		? await db
				.select({
					version: reportVersions.version,
					publishedAt: reportVersions.publishedAt,
					definition: reportVersions.definition,
					snapshot: reportVersions.snapshot
				})
				.from(reportVersions)
				.innerJoin(reports, eq(reports.id, reportVersions.reportId))
				.innerJoin(waves, eq(waves.id, reports.waveId))
				.where(and(eq(waves.slug, slug), eq(reportVersions.version, version)))
		: [];
	if (!row) throw new AppError('NOT_FOUND', `Rapporten har ingen version ${version}.`);
	return {
		version: row.version,
		publishedAt: row.publishedAt,
		definition: ZReportDefinition.parse(row.definition),
		snapshot: ZReportDocument.parse(row.snapshot)
	};
}
