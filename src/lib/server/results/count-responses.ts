import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { overallAndGroup, rowsOf, scopedResponses, type TResponseScope } from './response-scope.ts';

export interface TResponseCounts {
	complete: number;
	partial: number;
}

export interface TResponseCountsByGroup {
	overall: TResponseCounts;
	/** Per breakdown group (key null = unknown unit or role group); empty without a breakdown. */
	groups: Array<{ key: string | null } & TResponseCounts>;
}

/** Complete and partial responses in the scope (filters apply; both statuses are counted). */
export async function countResponses(db: TDb, scope: TResponseScope): Promise<TResponseCountsByGroup> {
	const rows = rowsOf<{ overall: boolean; grp: string | null; complete: number; partial: number }>(
		await db.execute(sql`
			select ${overallAndGroup(scope)},
				count(*) filter (where s.status = 'complete')::int as complete,
				count(*) filter (where s.status = 'partial')::int as partial
			from (${scopedResponses(scope, 'all')}) s
			group by ${scope.by ? sql`grouping sets ((), (s.grp))` : sql`()`}`)
	);
	const overall = rows.find((r) => r.overall);
	return {
		overall: { complete: overall?.complete ?? 0, partial: overall?.partial ?? 0 },
		groups: rows
			.filter((r) => !r.overall)
			.map((r) => ({ key: r.grp, complete: r.complete, partial: r.partial }))
	};
}
