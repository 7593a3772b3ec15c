import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import {
	groupWithBreakdown,
	overallAndGroup,
	rowsOf,
	scopedAnswers,
	type TResponseScope
} from './response-scope.ts';
import type { TScaleRange } from './scale-statistics.ts';

export interface TScaleValueCount {
	overall: boolean;
	grp: string | null;
	question: string;
	value: number;
	count: number;
}

/** The distribution of scale questions: how many answered each value within the question's range. */
export async function countScaleValues(db: TDb, scope: TResponseScope, scales: TScaleRange[]) {
	if (scales.length === 0) return [];
	const ranges = sql.join(
		scales.map((q) => sql`(${q.code}, ${q.min}::float8, ${q.max}::float8)`),
		sql`, `
	);
	return rowsOf<TScaleValueCount>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, a.question_code as question, a.value_num as value,
				count(*)::int as count
			from ${scopedAnswers(scope)}
			join (values ${ranges}) as q(code, lo, hi) on q.code = a.question_code
			where a.wave_id = ${scope.waveId} and a.question_code in ${scales.map((q) => q.code)}
				and a.value_num between q.lo and q.hi
			group by ${groupWithBreakdown(scope, sql`a.question_code, a.value_num`)}`)
	);
}
