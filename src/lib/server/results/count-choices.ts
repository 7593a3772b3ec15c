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
	return rowsOf<TChoiceCount>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, a.question_code as question, a.option_code as option,
				count(*)::int as count,
				(sum(count(*)) over (partition by ${scope.by ? sql`grouping(s.grp), s.grp,` : sql``} a.question_code))::int as rows
			from ${scopedAnswers(scope)}
			where a.wave_id = ${scope.waveId} and a.question_code in ${questionCodes}
			group by ${groupWithBreakdown(scope, sql`a.question_code, a.option_code`)}`)
	);
}
