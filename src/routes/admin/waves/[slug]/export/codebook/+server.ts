import { error } from '@sveltejs/kit';
import { getDatabase } from '#lib/server/db/instance.ts';
import { exportCodebook, ZCodebookFormat } from '#lib/server/exchange/export-codebook.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** The codebook of a wave's response export as XLSX, CSV or JSON. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, ['admin', 'analyst']);
	const format = ZCodebookFormat.safeParse(url.searchParams.get('format') ?? 'xlsx');
	if (!format.success) error(400, { message: 'Choose the format xlsx, csv or json.' });
	const { db } = await getDatabase();
	return downloadResponse(await exportCodebook(db, { slug: params.slug, format: format.data }));
};
