import { getDatabase } from '#lib/server/db/instance.ts';
import { exportQuestionnaire } from '#lib/server/exchange/export-questionnaire.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** The wave's questionnaire version as the data file `mognad questionnaire import` accepts. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, ['admin', 'analyst']);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	const file = await exportQuestionnaire(db, {
		code: wave.questionnaireCode,
		version: wave.questionnaireVersion
	});
	return downloadResponse({
		filename: file.filename,
		contentType: 'application/json; charset=utf-8',
		body: file.json
	});
};
