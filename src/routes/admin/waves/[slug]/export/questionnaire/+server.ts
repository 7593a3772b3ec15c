import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { exportQuestionnaire } from '#lib/server/exchange/export-questionnaire.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

/** The wave's questionnaire version as the data file `mognad questionnaire import` accepts. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, event }) => {
	const wave = await getWave(db, event.params.slug);
	const file = await exportQuestionnaire(db, {
		code: wave.questionnaireCode,
		version: wave.questionnaireVersion
	});
	return downloadResponse({
		filename: file.filename,
		contentType: 'application/json; charset=utf-8',
		body: file.json
	});
});
