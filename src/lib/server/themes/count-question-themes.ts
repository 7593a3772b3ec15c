import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { answers, answerThemes, responses, themes } from '../db/schema.ts';
import { findTextQuestion } from './find-text-question.ts';
import { parseInput, type TQuestionRef, ZQuestionRef } from './theme-input.ts';

export interface TThemeCounts {
	/** Free-text answers to the question from complete responses. */
	n: number;
	/** Of those, answers with at least one theme. */
	tagged: number;
	/** Every theme of the question with its number of answers, most first (A to Ö on a tie). */
	themes: Array<{ id: string; label: string; count: number }>;
}

/** How many answers carry each theme of a question, counted in SQL over complete responses only. */
export async function countThemes(db: TDb, ref: TQuestionRef): Promise<TThemeCounts> {
	const input = parseInput(ZQuestionRef, ref);
	const { wave } = await findTextQuestion(db, input);
	// An answer counts when its response is complete and the answer is still stored (a tagging may outlive
	// an answer removed because its question ended up hidden).
	const counted = sql`
		select at.response_id, at.theme_id from ${answerThemes} at
		join ${responses} r on r.id = at.response_id and r.status = 'complete'
		join ${answers} a on a.response_id = at.response_id and a.question_code = at.question_code
			and a.option_code = '' and a.value_text is not null
		where at.question_code = ${input.questionCode}`;
	const themeRows = (await db.execute(sql`
		select t.id, t.label, count(c.response_id)::int as count
		from ${themes} t left join (${counted}) c on c.theme_id = t.id
		where t.wave_id = ${wave.id} and t.question_code = ${input.questionCode}
		group by t.id, t.label`)) as unknown as { rows: Array<{ id: string; label: string; count: number }> };
	const totals = (await db.execute(sql`
		select count(*)::int as n,
			count(*) filter (where exists (
				select 1 from ${answerThemes} at join ${themes} t on t.id = at.theme_id
				where at.response_id = a.response_id and at.question_code = a.question_code
					and t.wave_id = ${wave.id}))::int as tagged
		from ${answers} a join ${responses} r on r.id = a.response_id and r.status = 'complete'
		where a.wave_id = ${wave.id} and a.question_code = ${input.questionCode}
			and a.option_code = '' and a.value_text is not null`)) as unknown as {
		rows: Array<{ n: number; tagged: number }>;
	};
	const total = totals.rows[0];
	return {
		n: Number(total?.n ?? 0),
		tagged: Number(total?.tagged ?? 0),
		themes: themeRows.rows
			.map((r) => ({ id: r.id, label: r.label, count: Number(r.count) }))
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'))
	};
}
