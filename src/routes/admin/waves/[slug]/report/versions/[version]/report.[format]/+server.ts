import { REPORT_READERS } from '#lib/core/roles/role-sets.ts';
import { getReportVersion } from '#lib/server/report/get-report-version.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { fileName, reportFormat, reportResponse } from '#lib/server/web/report-download.ts';
import type { RequestHandler } from './$types';

/** A published version as PDF, Word or HTML, rebuilt from its frozen snapshot (the same file every time). */
export const GET: RequestHandler = endpoint({ roles: REPORT_READERS }, async ({ db, event }) => {
	const { slug } = event.params;
	const format = reportFormat(event.params.format);
	const version = await getReportVersion(db, slug, Number(event.params.version));
	return reportResponse(version.snapshot, format, fileName(slug, `v${version.version}`));
});
