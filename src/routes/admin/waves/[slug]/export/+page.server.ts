import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { PageServerLoad } from './$types';

/** Raw microdata is for analysts and administrators only. */
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const wave = await getWave(db, event.params.slug);
	return {
		wave: { slug: wave.slug, name: wave.name, anonymous: wave.anonymous },
		responses: wave.responses,
		questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion }
	};
});
