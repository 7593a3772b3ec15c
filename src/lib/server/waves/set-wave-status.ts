import { eq } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';

/** Opens or closes a wave. Opening a closed wave again is allowed (e.g. an extended deadline). */
export async function setWaveStatus(db: TDb, slug: string, status: 'open' | 'closed') {
	const now = new Date();
	const [row] = await db
		.update(waves)
		.set(status === 'open' ? { status, openedAt: now, closedAt: null } : { status, closedAt: now })
		.where(eq(waves.slug, slug))
		.returning();
	if (!row) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
	return row;
}
