import { and, eq, ne, sql } from 'drizzle-orm';
import type { TDb, TTx } from '../db/client.ts';
import { organisations } from '../db/schema.ts';

/** A unit under `parentId` with the same name (case-insensitive), other than `exceptId`; null if none. */
export async function findSibling(db: TDb | TTx, parentId: string, name: string, exceptId?: string) {
	const [row] = await db
		.select({ id: organisations.id, code: organisations.code, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.parentId, parentId),
				sql`lower(${organisations.name}) = ${name.toLocaleLowerCase('sv')}`,
				exceptId ? ne(organisations.id, exceptId) : undefined
			)
		);
	return row ?? null;
}
