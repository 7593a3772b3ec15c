import { redirect } from '@sveltejs/kit';
import { ALL_ROLES, hasRole, MANAGERS } from '#lib/core/roles/role-sets.ts';
import { createDemo } from '#lib/server/demo/create-demo.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { visibleUnits } from '#lib/server/web/wave-scope.ts';
import type { Actions, PageServerLoad } from './$types';

// Waves with their response rate; an organisation contact sees the waves their unit takes part in, with
// their own subtree's figures.
export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang }) => {
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
	return { waves: shown, canCreate: hasRole(user.role, MANAGERS), lang };
});

export const actions: Actions = {
	// The empty start page offers the demo wave; created once, the button leads to it again.
	demo: formAction({ roles: MANAGERS, context: { demoError: true } }, async ({ user, db }) => {
		const demo = await createDemo(db, { actor: user.email });
		redirect(303, `/admin/waves/${demo.slug}`);
	})
};
