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

/**
 * The base n of multi-choice questions (respondents, not options chosen) and of free-text questions
 * (the non-blank answers given).
 */
export async function countAnswered(
	db: TDb,
	scope: TResponseScope,
	questions: { multi: string[]; text: string[] }
) {
	if (questions.multi.length + questions.text.length === 0) return [];
	const none = [''];
	// Per group first; the whole scope's counts are sums of those. A free-text answer is one row; a
	// multi-choice answer has a row per option chosen, so its respondents are counted distinct.
	return rowsOf<TAnsweredCount>(
		await db.execute(sql`
			with counts as (
				select s.grp, a.question_code, count(*) as c
				from ${scopedAnswers(scope)}
				where a.wave_id = ${scope.waveId} and a.question_code in ${questions.text.length > 0 ? questions.text : none}
					and btrim(a.value_text) <> ''
				group by s.grp, a.question_code
				union all
				select s.grp, a.question_code, count(distinct a.response_id)
				from ${scopedAnswers(scope)}
				where a.wave_id = ${scope.waveId} and a.question_code in ${questions.multi.length > 0 ? questions.multi : none}
				group by s.grp, a.question_code
			)
			select ${overallAndGroup(scope)}, s.question_code as question, sum(s.c)::int as n
			from counts s
			group by ${groupWithBreakdown(scope, sql`s.question_code`)}`)
	);
}
