import { redirect } from '@sveltejs/kit';
import { ALL_ROLES, hasRole, MANAGERS } from '#lib/core/roles/role-sets.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { setWaveStatus } from '#lib/server/waves/set-wave-status.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { waveScope } from '#lib/server/web/wave-scope.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const wave = await getWave(db, event.params.slug);
	const organisationIds = await waveScope(db, user, wave, lang);
	return {
		status: await getWaveStatus(db, event.params.slug, { organisationIds }),
		questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion },
		canManage: hasRole(user.role, MANAGERS),
		// Who was invited is for administrators and analysts only.
		canSeePeople: hasRole(user.role, MANAGERS),
		isContact: user.role === 'contact',
		lang
	};
});

const change = (status: 'open' | 'closed') =>
	formAction({ roles: MANAGERS, body: 'none' }, async ({ user, db, event }) => {
		const slug = event.params.slug ?? '';
		await setWaveStatus(db, slug, status, user.email);
		redirect(303, `/admin/waves/${slug}`);
	});

export const actions: Actions = { open: change('open'), close: change('closed') };
