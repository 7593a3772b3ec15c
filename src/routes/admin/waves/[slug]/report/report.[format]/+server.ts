import { getDatabase } from '#lib/server/db/instance.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
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
	const { draft, doc } = await resolveDraft(db, params.slug, { lang: locals.lang, organisation });
	return reportResponse(
		doc,
		format,
		fileName(params.slug, organisation ?? '', draft.definition.lang === 'en' ? 'draft' : 'utkast')
	);
};
