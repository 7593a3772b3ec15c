import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { fileName, reportFormat, reportResponse } from '#lib/server/web/report-download.ts';
import type { RequestHandler } from './$types';

/** The draft as PDF, Word or HTML, from today's data; `?organisation=<code>` for one organisation. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const { slug } = event.params;
	const format = reportFormat(event.params.format);
	const organisation = event.url.searchParams.get('organisation') || undefined;
	const { draft, doc } = await resolveDraft(db, slug, { lang, organisation });
	return reportResponse(
		doc,
		format,
		fileName(slug, organisation ?? '', draft.definition.lang === 'en' ? 'draft' : 'utkast')
	);
});
