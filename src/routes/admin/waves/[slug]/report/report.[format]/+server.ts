import { getDatabase } from '#lib/server/db/instance.ts';
import { getReportDraft } from '#lib/server/report/get-report-draft.ts';
import { resolveReport } from '#lib/server/report/resolve-report.ts';
import { fileName, reportFormat, reportResponse } from '#lib/server/web/report-download.ts';
import { REPORT_EDITORS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** The draft as PDF, Word or HTML, from today's data; `?organisation=<code>` for one organisation. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, REPORT_EDITORS);
	const format = reportFormat(params.format);
	const organisation = url.searchParams.get('organisation') || undefined;
	const { db } = await getDatabase();
	const draft = await getReportDraft(db, params.slug, locals.lang ?? 'sv');
	const doc = await resolveReport(db, draft.definition, {
		slug: params.slug,
		organisation,
		version: draft.definition.lang === 'en' ? 'Draft' : 'Utkast',
		publishedOn: null
	});
	return reportResponse(
		doc,
		format,
		fileName(params.slug, organisation ?? '', draft.definition.lang === 'en' ? 'draft' : 'utkast')
	);
};
