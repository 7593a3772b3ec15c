import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import {
	groupWithBreakdown,
	overallAndGroup,
	rowsOf,
	scopedAnswers,
	type TResponseScope
} from './response-scope.ts';

export interface TChoiceCount {
	overall: boolean;
	grp: string | null;
	question: string;
	option: string;
	count: number;
	/** All answer rows of the question (in the group): the base n of a single-choice question. */
	rows: number;
}

/** How often each option of the given choice questions was chosen. */
export async function countChoices(db: TDb, scope: TResponseScope, questionCodes: string[]) {
	if (questionCodes.length === 0) return [];
	// Counted per group in one pass over the answers; the whole scope's counts are sums of those.
	return rowsOf<TChoiceCount>(
		await db.execute(sql`
			with counts as (
				select s.grp, a.question_code, a.option_code, count(*) as c
				from ${scopedAnswers(scope)}
				where a.wave_id = ${scope.waveId} and a.question_code in ${questionCodes}
				group by s.grp, a.question_code, a.option_code
			)
			select ${overallAndGroup(scope)}, s.question_code as question, s.option_code as option,
				sum(s.c)::int as count,
				(sum(sum(s.c)) over (partition by ${scope.by ? sql`grouping(s.grp), s.grp,` : sql``} s.question_code))::int as rows
			from counts s
			group by ${groupWithBreakdown(scope, sql`s.question_code, s.option_code`)}`)
	);
}
