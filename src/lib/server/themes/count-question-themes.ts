import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { countAnswered } from '../results/count-answered.ts';
import { countThemes } from '../results/count-themes.ts';
import { rowsOf, scopedResponses, type TResponseScope } from '../results/response-scope.ts';
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

/**
 * One question's themes for the analyst's page: the results engine's answer and theme counts over the
 * complete responses of the whole wave, and how many of the answers carry a theme at all.
 */
export async function countQuestionThemes(db: TDb, ref: TQuestionRef): Promise<TThemeCounts> {
	const input = parseInput(ZQuestionRef, ref);
	const { wave } = await findTextQuestion(db, input);
	const scope: TResponseScope = {
		waveId: wave.id,
		ownerOrganisationId: wave.ownerOrganisationId,
		filters: { includePartial: false }
	};
	const code = input.questionCode;
	const [answered, themes, tagged] = await Promise.all([
		countAnswered(db, scope, { multi: [], text: [code] }),
		countThemes(db, scope, [code]),
		db.execute(sql`
			select count(distinct at.response_id)::int as n
			from answer_themes at
			join themes t on t.id = at.theme_id and t.wave_id = ${wave.id}
			join (${scopedResponses(scope)}) s on s.id = at.response_id
			join answers a on a.response_id = at.response_id and a.question_code = at.question_code
				and btrim(a.value_text) <> ''
			where at.question_code = ${code}`)
	]);
	return {
		n: answered[0]?.n ?? 0,
		tagged: rowsOf<{ n: number }>(tagged)[0]?.n ?? 0,
		themes: themes
			.map((t) => ({ id: t.id, label: t.label, count: t.count }))
			.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'sv'))
	};
}
