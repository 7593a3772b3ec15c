import { desc, eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { reports, reportVersions, users, waves } from '../db/schema.ts';

export interface TReportVersionSummary {
	version: number;
	publishedAt: Date;
	publishedBy: string | null;
}

/** A wave's published report versions, newest first. */
export async function listReportVersions(db: TDb, slug: string): Promise<TReportVersionSummary[]> {
	return db
		.select({
			version: reportVersions.version,
			publishedAt: reportVersions.publishedAt,
			publishedBy: users.name
		})
		.from(reportVersions)
		.innerJoin(reports, eq(reports.id, reportVersions.reportId))
		.innerJoin(waves, eq(waves.id, reports.waveId))
		.leftJoin(users, eq(users.id, reportVersions.publishedBy))
		.where(eq(waves.slug, slug))
		.orderBy(desc(reportVersions.version));
}
