import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { answerMarks, answers, answerThemes, responses, themes } from '../db/schema.ts';
import { findTextQuestion } from './find-text-question.ts';
import { parseInput, type TQuestionRef, ZQuestionRef } from './theme-input.ts';

export interface TQuestionAnswer {
	responseId: string;
	text: string;
	themes: Array<{ id: string; label: string }>;
	quotable: boolean;
	released: boolean;
}

/**
 * The free-text answers to a question from complete responses (the base of every statistic), in the order
 * they were submitted, each with its themes (A to Ö) and the analyst's marks.
 */
export async function listQuestionAnswers(db: TDb, ref: TQuestionRef): Promise<TQuestionAnswer[]> {
	const input = parseInput(ZQuestionRef, ref);
	const { wave } = await findTextQuestion(db, input);
	const rows = await db
		.select({
			responseId: answers.responseId,
			text: answers.valueText,
			quotable: answerMarks.quotable,
			released: answerMarks.released
		})
		.from(answers)
		.innerJoin(responses, eq(responses.id, answers.responseId))
		.leftJoin(
			answerMarks,
			and(eq(answerMarks.responseId, answers.responseId), eq(answerMarks.questionCode, answers.questionCode))
		)
		.where(
			and(
				eq(answers.waveId, wave.id),
				eq(answers.questionCode, input.questionCode),
				eq(answers.optionCode, ''),
				isNotNull(answers.valueText),
				eq(responses.status, 'complete')
			)
		)
		.orderBy(asc(responses.submittedAt), asc(responses.id));
	const taggings = await db
		.select({ responseId: answerThemes.responseId, id: themes.id, label: themes.label })
		.from(answerThemes)
		.innerJoin(themes, eq(themes.id, answerThemes.themeId))
		.where(and(eq(themes.waveId, wave.id), eq(themes.questionCode, input.questionCode)));
	const byResponse = new Map<string, Array<{ id: string; label: string }>>();
	for (const { responseId, id, label } of taggings) {
		byResponse.set(responseId, [...(byResponse.get(responseId) ?? []), { id, label }]);
	}
	return rows.map((row) => ({
		responseId: row.responseId,
		text: row.text ?? '',
		themes: (byResponse.get(row.responseId) ?? []).sort((a, b) => a.label.localeCompare(b.label, 'sv')),
		quotable: row.quotable ?? false,
		released: row.released ?? false
	}));
}
