import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TBreakdown } from '../../core/results/breakdown.ts';

/** Which responses a result counts. */
export const ZResultsFilters = z.object({
	/** An organisation subtree (all its unit ids); unset = the whole wave. */
	organisationIds: z.array(z.uuid()).max(10_000).optional(),
	/** A role group code. */
	roleGroup: z.string().min(1).max(100).optional(),
	/** Count partial responses too (by default only complete ones count). */
	includePartial: z.boolean().default(false)
});
export type TResultsFilters = z.output<typeof ZResultsFilters>;

/** The responses a query aggregates over, and the group each one falls in. */
export interface TResponseScope {
	waveId: string;
	ownerOrganisationId: string | null;
	filters: TResultsFilters;
	by?: TBreakdown;
	/** For the breakdown by organisation: each unit's unit directly below the owner (listTopUnits). */
	topUnits?: Array<{ id: string; topId: string }>;
	/**
	 * Set when the scope is every response that has answers in the wave (no filter, no breakdown, and
	 * partial responses counted or none exist): queries then read the answers table alone.
	 */
	wholeWave?: boolean;
}

/** `select id, status, grp from responses …` for the scope; `statuses: 'all'` ignores includePartial. */
export function scopedResponses(scope: TResponseScope, statuses: 'counted' | 'all' = 'counted'): SQL {
	const { filters } = scope;
	const conditions: SQL[] = [sql`r.wave_id = ${scope.waveId}`];
	if (statuses === 'counted' && !filters.includePartial) conditions.push(sql`r.status = 'complete'`);
	if (filters.organisationIds) {
		conditions.push(
			filters.organisationIds.length > 0 ? sql`r.organisation_id in ${filters.organisationIds}` : sql`false`
		);
	}
	const needsParticipant = filters.roleGroup !== undefined || scope.by === 'role';
	if (filters.roleGroup !== undefined) {
		conditions.push(sql`coalesce(r.role_group, p.role_group) = ${filters.roleGroup}`);
	}
	return sql`select r.id, r.status, ${groupKey(scope)} as grp from responses r
		${needsParticipant ? sql`left join participants p on p.id = r.participant_id` : sql``}
		${scope.by === 'organisation' ? topUnits(scope.topUnits ?? []) : sql``}
		where ${sql.join(conditions, sql` and `)}`;
}

// Unit ids stay uuids until the result (smaller to hash than their text); a role group is text.
function groupKey(scope: TResponseScope): SQL {
	switch (scope.by) {
		case 'organisation':
			return sql`t.top_id`;
		case 'department':
			return sql`r.organisation_id`;
		case 'role':
			return sql`coalesce(r.role_group, p.role_group)`;
		default:
			return sql`null::text`;
	}
}

// The mapping goes in as a list of values rather than a recursive query: the planner then knows its
// size, and can scan the answers in parallel.
function topUnits(units: Array<{ id: string; topId: string }>): SQL {
	if (units.length === 0) return sql`left join (select null::uuid as top_id) t on false`;
	const rows = sql.join(
		units.map((u) => sql`(${u.id}::uuid, ${u.topId}::uuid)`),
		sql`, `
	);
	return sql`left join (values ${rows}) as t(id, top_id) on t.id = r.organisation_id`;
}

/**
 * `from answers a …` with `s.grp` in scope: joined to the scope's responses, or — for the whole wave —
 * the answers table alone (its wave_id is there so that this needs no join).
 */
export function scopedAnswers(scope: TResponseScope): SQL {
	if (scope.wholeWave && !scope.by) return sql`answers a cross join (select null::text as grp) s`;
	return sql`answers a join (${scopedResponses(scope)}) s on s.id = a.response_id`;
}

/**
 * A GROUP BY over `columns`, plus the same per group when there is a breakdown; select
 * overallAndGroup(scope) to tell the two apart.
 */
export function groupWithBreakdown(scope: TResponseScope, columns: SQL): SQL {
	return scope.by ? sql`grouping sets ((${columns}), (s.grp, ${columns}))` : columns;
}

/**
 * The select columns `overall` (true on the rows of the whole scope, false on a group's rows) and `grp`,
 * to go with groupWithBreakdown.
 */
export function overallAndGroup(scope: TResponseScope): SQL {
	return scope.by
		? sql`grouping(s.grp) = 1 as overall, s.grp::text as grp`
		: sql`true as overall, null::text as grp`;
}

/** Rows of `db.execute` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
	return (result as { rows: T[] }).rows;
}
