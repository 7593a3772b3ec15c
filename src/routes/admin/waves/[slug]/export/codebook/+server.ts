import { error } from '@sveltejs/kit';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { exportCodebook, ZCodebookFormat } from '#lib/server/exchange/export-codebook.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

/** The codebook of a wave's response export as XLSX, CSV or JSON. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, event }) => {
	const format = ZCodebookFormat.safeParse(event.url.searchParams.get('format') ?? 'xlsx');
	if (!format.success) error(400, { message: 'Choose the format xlsx, csv or json.' });
	return downloadResponse(await exportCodebook(db, { slug: event.params.slug, format: format.data }));
});
