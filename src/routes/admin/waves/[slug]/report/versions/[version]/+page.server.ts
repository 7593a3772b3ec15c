import { renderReportArticle } from '#lib/core/report/render-html.ts';
import { hasRole, MANAGERS, REPORT_READERS } from '#lib/core/roles/role-sets.ts';
import { getReportVersion } from '#lib/server/report/get-report-version.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { PageServerLoad } from './$types';

/** A published version as a page to share: its frozen document, and its files. */
export const load: PageServerLoad = pageLoad({ roles: REPORT_READERS }, async ({ user, db, event }) => {
	const wave = await getWave(db, event.params.slug);
	const version = await getReportVersion(db, wave.slug, Number(event.params.version));
	return {
		wave: { slug: wave.slug, name: wave.name },
		version: version.version,
		publishedAt: version.publishedAt.toISOString().slice(0, 10),
		canEdit: hasRole(user.role, MANAGERS),
		// Every string of the document is escaped by the renderer (see render-html.ts).
		html: renderReportArticle(version.snapshot, 2),
		lang: version.snapshot.meta.lang
	};
});
