import { redirect } from '@sveltejs/kit';
import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { setWaveStatus } from '#lib/server/waves/set-wave-status.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { waveScope } from '#lib/server/web/wave-scope.ts';
import type { Actions, PageServerLoad } from './$types';

const MANAGERS = ['admin', 'analyst'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireRole(locals, ROLES);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	const organisationIds = await waveScope(db, user, wave, locals.lang);
	return {
		status: await getWaveStatus(db, params.slug, { organisationIds }),
		questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion },
		canManage: (MANAGERS as readonly string[]).includes(user.role),
		// Who was invited is for administrators and analysts only.
		canSeePeople: (MANAGERS as readonly string[]).includes(user.role),
		isContact: user.role === 'contact',
		lang: locals.lang
	};
};

async function change(locals: App.Locals, slug: string, status: 'open' | 'closed') {
	const user = requireRole(locals, MANAGERS);
	const { db } = await getDatabase();
	await setWaveStatus(db, slug, status, user.email);
	redirect(303, `/admin/waves/${slug}`);
}

export const actions: Actions = {
	open: ({ locals, params }) => change(locals, params.slug, 'open'),
	close: ({ locals, params }) => change(locals, params.slug, 'closed')
};
