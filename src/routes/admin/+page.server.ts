import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { visibleUnits } from '#lib/server/web/wave-scope.ts';
import type { PageServerLoad } from './$types';

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
