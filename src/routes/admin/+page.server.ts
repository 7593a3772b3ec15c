import { fail, redirect } from '@sveltejs/kit';
import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { createDemo } from '#lib/server/demo/create-demo.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { visibleUnits } from '#lib/server/web/wave-scope.ts';
import type { Actions, PageServerLoad } from './$types';

// Waves with their response rate; an organisation contact sees the waves their unit takes part in, with
// their own subtree's figures.
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ROLES);
	const { db } = await getDatabase();
	const shown = [];
	for (const w of await listWaves(db)) {
		const wave = await findWaveBySlug(db, w.slug);
		if (!wave) continue;
		const organisationIds = await visibleUnits(db, user, wave);
		if (organisationIds === null) continue;
		const status = await getWaveStatus(db, w.slug, { organisationIds });
		shown.push({
			slug: w.slug,
			name: w.name,
			period: w.period,
			mode: w.mode,
			status: w.status,
			anonymous: wave.anonymous,
			total: status.total
		});
	}
	return { waves: shown, canCreate: user.role === 'admin' || user.role === 'analyst', lang: locals.lang };
};

const MANAGERS = ['admin', 'analyst'] as const;

export const actions: Actions = {
	// The empty start page offers the demo wave; created once, the button leads to it again.
	demo: async ({ locals, request }) => {
		const user = requireRole(locals, MANAGERS);
		const form = await readForm(request);
		if (!form.ok) return fail(form.status, { demoError: true });
		const { db } = await getDatabase();
		const demo = await createDemo(db, { actor: user.email });
		redirect(303, `/admin/waves/${demo.slug}`);
	}
};
