import { zipSync } from 'fflate';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { renderReport } from '#lib/server/report/render-report.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { CONTENT_TYPES, fileName, reportFormat } from '#lib/server/web/report-download.ts';
import type { RequestHandler } from './$types';

/**
 * The draft for every organisation that may have a report of its own (see listReportableOrganisations),
 * one file each in a ZIP; `?format=docx` for Word, PDF by default.
 */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const { slug } = event.params;
	const format = reportFormat(event.url.searchParams.get('format') || 'pdf');
	const files: Record<string, Uint8Array> = {};
	for (const organisation of await listReportableOrganisations(db, slug)) {
		const { doc } = await resolveDraft(db, slug, { lang, organisation: organisation.code });
		files[`${fileName(slug, organisation.code, organisation.name)}.${format}`] = await renderReport(
			doc,
			format
		);
	}
	// PDF and DOCX are compressed already.
	const zip = zipSync(files, { level: format === 'html' ? 6 : 0 });
	return new Response(zip as BodyInit, {
		headers: {
			'content-type': CONTENT_TYPES.zip,
			'content-disposition': `attachment; filename="${fileName(slug, 'organisationer')}.zip"`,
			'cache-control': 'private, no-store'
		}
	});
});
