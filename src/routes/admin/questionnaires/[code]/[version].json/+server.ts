import { error } from '@sveltejs/kit';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { exportQuestionnaire } from '#lib/server/exchange/export-questionnaire.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

/** One published questionnaire version as the data file `mognad questionnaire import` accepts. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, event }) => {
	const { code, version } = event.params;
	if (!/^[1-9]\d{0,8}$/.test(version)) error(404, { message: m.not_found_title() });
	const file = await exportQuestionnaire(db, { code, version: Number(version) });
	return downloadResponse({
		filename: file.filename,
		contentType: 'application/json; charset=utf-8',
		body: file.json
	});
});
