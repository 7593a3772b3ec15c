import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ROLES);
	const { db } = await getDatabase();
	const waves = await listWaves(db);
	return {
		waves: waves.map((w) => ({
			slug: w.slug,
			name: w.name,
			period: w.period,
			mode: w.mode,
			status: w.status,
			complete: w.complete
		}))
	};
};
