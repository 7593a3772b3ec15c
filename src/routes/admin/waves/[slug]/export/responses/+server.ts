import { error } from '@sveltejs/kit';
import { getDatabase } from '#lib/server/db/instance.ts';
import { exportResponsesCsv } from '#lib/server/exchange/export-responses-csv.ts';
import { exportResponsesSpss, zipSpssExport } from '#lib/server/exchange/export-responses-spss.ts';
import { exportResponsesXlsx } from '#lib/server/exchange/export-responses-xlsx.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** A wave's responses as CSV (`;` or `,`), XLSX or an SPSS ZIP; analysts and administrators only, audited. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireRole(locals, ['admin', 'analyst']);
	const format = url.searchParams.get('format') ?? 'csv';
	const { db } = await getDatabase();
	const input = { slug: params.slug, actor: user.email };
	switch (format) {
		case 'csv':
		case 'csv-comma':
			return downloadResponse(
				await exportResponsesCsv(db, { ...input, separator: format === 'csv' ? ';' : ',' })
			);
		case 'xlsx':
			return downloadResponse(await exportResponsesXlsx(db, input));
		case 'spss':
			return downloadResponse(zipSpssExport(await exportResponsesSpss(db, input), params.slug));
		default:
			error(400, { message: 'Choose the format csv, csv-comma, xlsx or spss.' });
	}
};
