import { eq } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';

/**
 * Opens or closes a wave, and records who did it. Opening a closed wave again is allowed (e.g. an
 * extended deadline).
 */
export async function setWaveStatus(db: TDb, slug: string, status: 'open' | 'closed', actor = 'cli') {
	const now = new Date();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(waves)
			.set(status === 'open' ? { status, openedAt: now, closedAt: null } : { status, closedAt: now })
			.where(eq(waves.slug, slug))
			.returning();
		if (!row) throw new AppError('NOT_FOUND', `No wave with the slug "${slug}"`);
		await recordAudit(tx, { actor, action: status === 'open' ? 'wave.open' : 'wave.close', subject: slug });
		return row;
	});
}
