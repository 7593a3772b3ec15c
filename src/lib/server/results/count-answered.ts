import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import {
	groupWithBreakdown,
	overallAndGroup,
	rowsOf,
	scopedAnswers,
	type TResponseScope
} from './response-scope.ts';

export interface TAnsweredCount {
	overall: boolean;
	grp: string | null;
	question: string;
	/** Responses with an answer to the question (a multi-choice respondent counts once). */
	n: number;
}

/** The base n of the given questions: responses that answered them (free text: the answers given). */
export async function countAnswered(db: TDb, scope: TResponseScope, questionCodes: string[]) {
	if (questionCodes.length === 0) return [];
	return rowsOf<TAnsweredCount>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, a.question_code as question,
				count(distinct a.response_id)::int as n
			from ${scopedAnswers(scope)}
			where a.wave_id = ${scope.waveId} and a.question_code in ${questionCodes}
				and (a.value_text is null or btrim(a.value_text) <> '')
			group by ${groupWithBreakdown(scope, sql`a.question_code`)}`)
	);
}
