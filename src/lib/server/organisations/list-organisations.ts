import { sql } from 'drizzle-orm';
import type { TDb, TTx } from '../db/client.ts';

export interface TOrganisationNode {
	id: string;
	parentId: string | null;
	code: string | null;
	name: string;
	kind: 'country' | 'region' | 'municipality' | 'department' | 'other';
	/** 0 for a root. */
	depth: number;
}

/** Every unit, in tree order (each under its parent, siblings by name), with its depth. */
export async function listOrganisations(db: TDb | TTx): Promise<TOrganisationNode[]> {
	const result = (await db.execute(sql`
		with recursive tree as (
			select id, parent_id, code, name, kind, 0 as depth, array[lower(name), id::text] as sort_key
			from organisations where parent_id is null
			union all
			select o.id, o.parent_id, o.code, o.name, o.kind, t.depth + 1, t.sort_key || array[lower(o.name), o.id::text]
			from organisations o join tree t on o.parent_id = t.id
		)
		select id, parent_id as "parentId", code, name, kind, depth from tree order by sort_key`)) as unknown as {
		rows: TOrganisationNode[];
	};
	return result.rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}
