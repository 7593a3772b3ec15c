import { renderReportArticle } from '#lib/core/report/render-html.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { REPORT_EDITORS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireRole(locals, REPORT_EDITORS);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	const organisation = url.searchParams.get('organisation') || undefined;
	const [{ draft, doc }, organisations] = await Promise.all([
		resolveDraft(db, wave.slug, { lang: locals.lang, organisation }),
		listReportableOrganisations(db, wave.slug)
	]);
	return {
		wave: { slug: wave.slug, name: wave.name },
		organisation: organisation ?? '',
		organisations,
		// Every string of the document is escaped by the renderer (see render-html.ts).
		html: renderReportArticle(doc, 2),
		lang: draft.definition.lang
	};
};
