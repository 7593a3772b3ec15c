import { getDatabase } from '#lib/server/db/instance.ts';
import { getReportVersion } from '#lib/server/report/get-report-version.ts';
import { fileName, reportFormat, reportResponse } from '#lib/server/web/report-download.ts';
import { REPORT_READERS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** A published version as PDF, Word or HTML, rebuilt from its frozen snapshot (the same file every time). */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, REPORT_READERS);
	const format = reportFormat(params.format);
	const { db } = await getDatabase();
	const version = await getReportVersion(db, params.slug, Number(params.version));
	return reportResponse(version.snapshot, format, fileName(params.slug, `v${version.version}`));
};
