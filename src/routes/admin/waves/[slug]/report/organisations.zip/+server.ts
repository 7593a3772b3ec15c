import { zipSync } from 'fflate';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getReportDraft } from '#lib/server/report/get-report-draft.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { resolveReport } from '#lib/server/report/resolve-report.ts';
import { CONTENT_TYPES, fileName, renderReport, reportFormat } from '#lib/server/web/report-download.ts';
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
	const draft = await getReportDraft(db, params.slug, locals.lang ?? 'sv');
	const files: Record<string, Uint8Array> = {};
	for (const organisation of await listReportableOrganisations(db, params.slug)) {
		const doc = await resolveReport(db, draft.definition, {
			slug: params.slug,
			organisation: organisation.code,
			version: draft.definition.lang === 'en' ? 'Draft' : 'Utkast',
			publishedOn: null
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
