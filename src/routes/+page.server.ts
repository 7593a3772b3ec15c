import { getDatabase } from '#lib/server/db/instance.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { db } = await getDatabase();
	const waves = await listWaves(db);
	// Only open-link waves are public; invitations are personal.
	return {
		openWaves: waves
			.filter((w) => w.mode === 'open' && w.status === 'open')
			.map((w) => ({ slug: w.slug, name: w.name, period: w.period }))
	};
};
