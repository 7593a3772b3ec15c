import { renderReportArticle } from '#lib/core/report/render-html.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getReportVersion } from '#lib/server/report/get-report-version.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { REPORT_EDITORS, REPORT_READERS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { PageServerLoad } from './$types';

/** A published version as a page to share: its frozen document, and its files. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireRole(locals, REPORT_READERS);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	const version = await getReportVersion(db, wave.slug, Number(params.version));
	return {
		wave: { slug: wave.slug, name: wave.name },
		version: version.version,
		publishedAt: version.publishedAt.toISOString().slice(0, 10),
		canEdit: (REPORT_EDITORS as readonly string[]).includes(user.role),
		// Every string of the document is escaped by the renderer (see render-html.ts).
		html: renderReportArticle(version.snapshot, 2),
		lang: version.snapshot.meta.lang
	};
};
