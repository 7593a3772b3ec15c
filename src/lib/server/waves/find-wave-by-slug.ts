import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';

/** The wave row for a slug, or null. */
export async function findWaveBySlug(db: TDb, slug: string) {
	const [wave] = await db.select().from(waves).where(eq(waves.slug, slug));
	return wave ?? null;
}
