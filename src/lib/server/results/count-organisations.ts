import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { rowsOf, type TResponseScope } from './response-scope.ts';

export interface TOrganisationCounts {
	/** Units asked: those of the wave's participants, or on an open link every unit offered. */
	invited: number;
	/** Units with at least one counted response. */
	responded: number;
}

/**
 * Organisations invited and responding, counted at the level directly below the wave's owner (the
 * municipalities of a region): a department's participants count for their municipality.
 */
export async function countOrganisations(
	db: TDb,
	scope: TResponseScope & { mode: 'invite' | 'open' }
): Promise<TOrganisationCounts> {
	const { filters } = scope;
	const roots = scope.ownerOrganisationId
		? sql`parent_id = ${scope.ownerOrganisationId}`
		: sql`parent_id is null`;
	const inSubtree = (column: ReturnType<typeof sql.raw>) =>
		filters.organisationIds
			? filters.organisationIds.length > 0
				? sql`${column} in ${filters.organisationIds}`
				: sql`false`
			: sql`true`;
	const invited =
		scope.mode === 'open'
			? sql`select t.top_id from tree t where ${inSubtree(sql.raw('t.id'))}`
			: sql`select t.top_id from participants p join tree t on t.id = p.organisation_id
				where p.wave_id = ${scope.waveId} and ${inSubtree(sql.raw('p.organisation_id'))}
				${filters.roleGroup !== undefined ? sql`and p.role_group = ${filters.roleGroup}` : sql``}`;
	const [row] = rowsOf<TOrganisationCounts>(
		await db.execute(sql`
			with recursive tree(id, top_id) as (
				select id, id from organisations where ${roots}
				union all
				select o.id, tree.top_id from organisations o join tree on o.parent_id = tree.id
			)
			select
				(select count(distinct top_id)::int from (${invited}) i) as invited,
				(select count(distinct t.top_id)::int from (
					-- The units that responded first (few), then their municipalities.
					select distinct r.organisation_id from responses r
					${filters.roleGroup !== undefined ? sql`left join participants p on p.id = r.participant_id` : sql``}
					where r.wave_id = ${scope.waveId}
					and ${filters.includePartial ? sql`true` : sql`r.status = 'complete'`}
					and ${inSubtree(sql.raw('r.organisation_id'))}
					${filters.roleGroup !== undefined ? sql`and coalesce(r.role_group, p.role_group) = ${filters.roleGroup}` : sql``}
				) u join tree t on t.id = u.organisation_id) as responded`)
	);
	return { invited: row?.invited ?? 0, responded: row?.responded ?? 0 };
}
