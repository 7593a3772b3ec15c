import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';

export interface TWaveOrganisation {
	id: string;
	code: string | null;
	name: string;
	depth: number;
}

/** The units below the organisation running a wave, that respondents on an open link choose among. */
export async function listWaveOrganisations(
	db: TDb,
	ownerOrganisationId: string | null
): Promise<TWaveOrganisation[]> {
	if (!ownerOrganisationId) return [];
	const result = (await db.execute(sql`
		with recursive tree as (
			select id, code, name, 1 as depth, name::text as sort_key from organisations where parent_id = ${ownerOrganisationId}
			union all
			select o.id, o.code, o.name, t.depth + 1, t.sort_key || '/' || o.name
			from organisations o join tree t on o.parent_id = t.id
		)
		select id, code, name, depth from tree order by sort_key`)) as unknown as { rows: TWaveOrganisation[] };
	return result.rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}
