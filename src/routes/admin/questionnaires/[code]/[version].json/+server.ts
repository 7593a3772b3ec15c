import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getDatabase } from '#lib/server/db/instance.ts';
import { exportQuestionnaire } from '#lib/server/exchange/export-questionnaire.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** One published questionnaire version as the data file `mognad questionnaire import` accepts. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, ['admin', 'analyst']);
	if (!/^[1-9]\d{0,8}$/.test(params.version)) error(404, { message: m.not_found_title() });
	const { db } = await getDatabase();
	const file = await exportQuestionnaire(db, { code: params.code, version: Number(params.version) });
	return downloadResponse({
		filename: file.filename,
		contentType: 'application/json; charset=utf-8',
		body: file.json
	});
};
