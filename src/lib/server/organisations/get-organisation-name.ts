import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';

/** A unit's name, or null when there is no unit with that id. */
export async function getOrganisationName(db: TDb, id: string): Promise<string | null> {
	const [unit] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, id));
	return unit?.name ?? null;
}
