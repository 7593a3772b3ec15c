import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ db, user }) => {
	const waves = await listWaves(db);
	// Only open-link waves are public; invitations are personal.
	return {
		openWaves: waves
			.filter((w) => w.mode === 'open' && w.status === 'open')
			.map((w) => ({ slug: w.slug, name: w.name, period: w.period })),
		// Staff are pointed to sign in, or on a fresh install to create the first administrator.
		setupNeeded: !(await anyUserExists(db)),
		signedIn: user !== null
	};
});
