import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { overallAndGroup, rowsOf, scopedResponses, type TResponseScope } from './response-scope.ts';

export interface TThemeCount {
	overall: boolean;
	grp: string | null;
	question: string;
	label: string;
	/** Answers carrying the theme (an answer may carry several themes). */
	count: number;
}

/**
 * Theme counts of the wave's free-text questions: every theme of the wave (0 when no answer in the scope
 * carries it), counting only answers that are still stored.
 */
export async function countThemes(db: TDb, scope: TResponseScope) {
	return rowsOf<TThemeCount>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, t.question_code as question, t.label,
				count(s.id)::int as count
			from themes t
			left join (answer_themes at
				join (${scopedResponses(scope)}) s on s.id = at.response_id
			) on at.theme_id = t.id and at.question_code = t.question_code
				and exists (select 1 from answers a where a.response_id = at.response_id
					and a.question_code = at.question_code)
			where t.wave_id = ${scope.waveId}
			group by ${scope.by ? sql`grouping sets ((t.question_code, t.label), (s.grp, t.question_code, t.label))` : sql`t.question_code, t.label`}`)
	);
}
