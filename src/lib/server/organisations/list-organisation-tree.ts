import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';

export interface TOrganisationNode {
	id: string;
	code: string | null;
	name: string;
	kind: string;
	/** 0 for a top unit (the region), 1 below it, and so on. */
	depth: number;
}

/** Every organisation unit, depth-first with each level in Swedish alphabetical order (for pickers). */
export async function listOrganisationTree(db: TDb): Promise<TOrganisationNode[]> {
	const result = (await db.execute(sql`
		with recursive tree as (
			select id, code, name, kind, 0 as depth, array[name::text] as path from organisations where parent_id is null
			union all
			select o.id, o.code, o.name, o.kind, t.depth + 1, t.path || o.name::text
			from organisations o join tree t on o.parent_id = t.id
		)
		select id, code, name, kind, depth, path from tree`)) as unknown as {
		rows: Array<TOrganisationNode & { path: string[] }>;
	};
	const collator = new Intl.Collator('sv');
	const compare = (a: string[], b: string[]) => {
		for (let i = 0; i < Math.min(a.length, b.length); i++) {
			const c = collator.compare(a[i] ?? '', b[i] ?? '');
			if (c !== 0) return c;
		}
		return a.length - b.length;
	};
	return result.rows
		.sort((a, b) => compare(a.path, b.path))
		.map(({ path: _, ...node }) => ({ ...node, depth: Number(node.depth) }));
}
