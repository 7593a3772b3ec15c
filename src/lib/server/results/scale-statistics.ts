import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import {
	groupWithBreakdown,
	overallAndGroup,
	rowsOf,
	scopedAnswers,
	type TResponseScope
} from './response-scope.ts';

/** A scale question's valid range, and where its top box starts (if it has one). */
export interface TScaleRange {
	code: string;
	min: number;
	max: number;
	topFrom: number | null;
}

export interface TScaleStatistics {
	overall: boolean;
	grp: string | null;
	question: string;
	n: number;
	mean: number | null;
	median: number | null;
	/** Sample standard deviation; null below two answers. */
	sd: number | null;
	topCount: number;
	/** Stored values outside the question's range (written by an older version): left out of every figure. */
	excluded: number;
}

/** n, mean, median, SD and top box of scale questions, over answers within each question's range. */
export async function scaleStatistics(db: TDb, scope: TResponseScope, scales: TScaleRange[]) {
	if (scales.length === 0) return [];
	const ranges = sql.join(
		scales.map((q) => sql`(${q.code}, ${q.min}::float8, ${q.max}::float8, ${q.topFrom}::float8)`),
		sql`, `
	);
	const valid = sql`a.value_num between q.lo and q.hi`;
	return rowsOf<TScaleStatistics>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, a.question_code as question,
				count(*) filter (where ${valid})::int as n,
				avg(a.value_num) filter (where ${valid})::float8 as mean,
				percentile_cont(0.5) within group (order by a.value_num) filter (where ${valid}) as median,
				stddev_samp(a.value_num) filter (where ${valid})::float8 as sd,
				count(*) filter (where ${valid} and a.value_num >= q.top)::int as "topCount",
				count(*) filter (where not (${valid}))::int as excluded
			from ${scopedAnswers(scope)}
			join (values ${ranges}) as q(code, lo, hi, top) on q.code = a.question_code
			where a.wave_id = ${scope.waveId} and a.question_code in ${scales.map((q) => q.code)}
				and a.value_num is not null
			group by ${groupWithBreakdown(scope, sql`a.question_code`)}`)
	);
}
