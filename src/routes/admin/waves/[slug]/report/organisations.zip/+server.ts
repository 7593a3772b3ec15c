import { zipSync } from 'fflate';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { renderReport } from '#lib/server/report/render-report.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
import { CONTENT_TYPES, fileName, reportFormat } from '#lib/server/web/report-download.ts';
import { REPORT_EDITORS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/**
 * The draft for every organisation that may have a report of its own (see listReportableOrganisations),
 * one file each in a ZIP; `?format=docx` for Word, PDF by default.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, REPORT_EDITORS);
	const format = reportFormat(url.searchParams.get('format') || 'pdf');
	const { db } = await getDatabase();
	const files: Record<string, Uint8Array> = {};
	for (const organisation of await listReportableOrganisations(db, params.slug)) {
		const { doc } = await resolveDraft(db, params.slug, {
			lang: locals.lang,
			organisation: organisation.code
		});
		files[`${fileName(params.slug, organisation.code, organisation.name)}.${format}`] = await renderReport(
			doc,
			format
		);
	}
	// PDF and DOCX are compressed already.
	const zip = zipSync(files, { level: format === 'html' ? 6 : 0 });
	return new Response(zip as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.zip,
			'content-disposition': `attachment; filename="${fileName(params.slug, 'organisationer')}.zip"`,
			'cache-control': 'private, no-store'
		}
	});
};
