import { asc } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { titleMappings } from '../db/schema.ts';

/** Every title mapping, by title. */
export function listTitleMappings(db: TDb) {
	return db.select().from(titleMappings).orderBy(asc(titleMappings.title));
}
