import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { overallAndGroup, rowsOf, scopedResponses, type TResponseScope } from './response-scope.ts';

export interface TThemeCount {
	overall: boolean;
	grp: string | null;
	question: string;
	/** The theme's id (for the pages that rename, merge or tag with it). */
	id: string;
	label: string;
	/** Answers carrying the theme (an answer may carry several themes). */
	count: number;
}

/**
 * Theme counts of the wave's free-text questions (or of the given ones): every theme (0 when no answer in
 * the scope carries it), counting only answers that are still stored (a tagging may outlive an answer
 * removed because its question ended up hidden).
 */
export async function countThemes(db: TDb, scope: TResponseScope, questionCodes?: string[]) {
	if (questionCodes?.length === 0) return [];
	const theme = sql`t.question_code, t.id, t.label`;
	return rowsOf<TThemeCount>(
		await db.execute(sql`
			select ${overallAndGroup(scope)}, t.question_code as question, t.id::text as id, t.label,
				count(s.id)::int as count
			from themes t
			left join (answer_themes at
				join (${scopedResponses(scope)}) s on s.id = at.response_id
			) on at.theme_id = t.id and at.question_code = t.question_code
				and exists (select 1 from answers a where a.response_id = at.response_id
					and a.question_code = at.question_code)
			where t.wave_id = ${scope.waveId}
				${questionCodes ? sql`and t.question_code in ${questionCodes}` : sql``}
			group by ${scope.by ? sql`grouping sets ((${theme}), (s.grp, ${theme}))` : theme}`)
	);
}
