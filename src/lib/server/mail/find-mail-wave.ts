import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';

/** The wave e-mail is queued for: it must exist and be open, or the links would lead nowhere. */
export async function findMailWave(db: TDb, slug: string) {
	const wave = await findWaveBySlug(db, slug);
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
	if (wave.status === 'closed') throw new AppError('WAVE_CLOSED', `The wave "${slug}" is closed`);
	if (wave.status !== 'open') {
		throw new AppError(
			'CONFLICT',
			`Open the wave "${slug}" before sending e-mail: its links do not work yet`
		);
	}
	return wave;
}
