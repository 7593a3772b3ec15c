import { getDatabase } from '#lib/server/db/instance.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { PageServerLoad } from './$types';

/** Raw microdata is for analysts and administrators only. */
export const load: PageServerLoad = async ({ locals, params }) => {
	requireRole(locals, ['admin', 'analyst']);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	return {
		wave: { slug: wave.slug, name: wave.name, anonymous: wave.anonymous },
		responses: wave.responses,
		questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion }
	};
};
