import { renderReportArticle } from '#lib/core/report/render-html.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { resolveDraft } from '#lib/server/report/resolve-draft.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const wave = await getWave(db, event.params.slug);
	const organisation = event.url.searchParams.get('organisation') || undefined;
	const [{ draft, doc }, organisations] = await Promise.all([
		resolveDraft(db, wave.slug, { lang, organisation }),
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
});
