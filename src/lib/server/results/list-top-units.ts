import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { rowsOf } from './response-scope.ts';

/**
 * Every unit below an organisation (or below the roots), with the unit directly below it that it belongs
 * to: itself for a municipality, its municipality for a department.
 */
export async function listTopUnits(
	db: TDb,
	ownerOrganisationId: string | null
): Promise<Array<{ id: string; topId: string }>> {
	const roots = ownerOrganisationId ? sql`parent_id = ${ownerOrganisationId}` : sql`parent_id is null`;
	return rowsOf<{ id: string; topId: string }>(
		await db.execute(sql`
			with recursive tree(id, top_id) as (
				select id, id from organisations where ${roots}
				union all
				select o.id, tree.top_id from organisations o join tree on o.parent_id = tree.id
			)
			select id, top_id as "topId" from tree`)
	);
}
