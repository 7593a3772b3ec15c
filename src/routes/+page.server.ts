import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await getDatabase();
	const waves = await listWaves(db);
	// Only open-link waves are public; invitations are personal.
	return {
		openWaves: waves
			.filter((w) => w.mode === 'open' && w.status === 'open')
			.map((w) => ({ slug: w.slug, name: w.name, period: w.period })),
		// Staff are pointed to sign in, or on a fresh install to create the first administrator.
		setupNeeded: !(await anyUserExists(db)),
		signedIn: locals.user !== null
	};
};
