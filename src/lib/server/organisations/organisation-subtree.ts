import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb, TTx } from '../db/client.ts';

/**
 * The ids of an organisation unit and every unit below it (an organisation contact's scope). Empty when
 * the unit does not exist (or the id is malformed, as when edited in a URL).
 */
export async function organisationSubtreeIds(db: TDb | TTx, rootId: string): Promise<string[]> {
	if (!z.uuid().safeParse(rootId).success) return [];
	const result = (await db.execute(sql`
		with recursive tree as (
			select id from organisations where id = ${rootId}
			union
			select o.id from organisations o join tree t on o.parent_id = t.id
		)
		select id from tree`)) as unknown as { rows: Array<{ id: string }> };
	return result.rows.map((r) => r.id);
}
