import { CSV_PLAIN, CSV_SWEDISH } from '#lib/core/csv/csv-dialect.ts';
import { resultsToCsv } from '#lib/core/results/results-to-csv.ts';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { RequestHandler } from './$types';

/**
 * The results page's selection as CSV, as `mognad results --format csv` writes it: for Swedish Excel
 * (`;`, decimal comma, BOM) or, with `dialect=en`, plain (`,`, decimal point). A contact gets what the
 * page shows them: no themes and no free text; a hidden selection is refused (SMALL_GROUP).
 */
export const GET: RequestHandler = endpoint({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const { params, url } = event;
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const results = await getResultsForUser(db, user, {
		slug: params.slug,
		organisation: scope.organisation,
		roleGroup: scope.roleGroup,
		includePartial: scope.includePartial,
		by: scope.by,
		lang
	});
	const shown = scope.restricted
		? {
				...results,
				questions: results.questions.map((q) => ({ ...q, themes: [], released: [] })),
				breakdown: results.breakdown?.map((g) => ({
					...g,
					questions: g.questions.map((q) => ({ ...q, themes: [], released: [] }))
				}))
			}
		: results;
	const plain = url.searchParams.get('dialect') === 'en';
	return downloadResponse({
		filename: `${params.slug}-resultat${plain ? '-en' : ''}.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: resultsToCsv(shown, plain ? CSV_PLAIN : CSV_SWEDISH)
	});
});
