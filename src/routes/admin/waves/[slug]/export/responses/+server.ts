import { error } from '@sveltejs/kit';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { exportResponsesCsv } from '#lib/server/exchange/export-responses-csv.ts';
import { exportResponsesSpss, zipSpssExport } from '#lib/server/exchange/export-responses-spss.ts';
import { exportResponsesXlsx } from '#lib/server/exchange/export-responses-xlsx.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

/** A wave's responses as CSV (`;` or `,`), XLSX or an SPSS ZIP; analysts and administrators only, audited. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ user, db, event }) => {
	const { slug } = event.params;
	const format = event.url.searchParams.get('format') ?? 'csv';
	const input = { slug, actor: user.email };
	switch (format) {
		case 'csv':
		case 'csv-comma':
			return downloadResponse(
				await exportResponsesCsv(db, { ...input, separator: format === 'csv' ? ';' : ',' })
			);
		case 'xlsx':
			return downloadResponse(await exportResponsesXlsx(db, input));
		case 'spss':
			return downloadResponse(zipSpssExport(await exportResponsesSpss(db, input), slug));
		default:
			error(400, { message: 'Choose the format csv, csv-comma, xlsx or spss.' });
	}
});
