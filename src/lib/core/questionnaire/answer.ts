import type { TQuestion, TQuestionnaire } from './definition.ts';

/** One stored answer, by the kind of question it answers. */
export type TAnswer =
	| { kind: 'single'; option: string }
	| { kind: 'multi'; options: string[]; other?: string }
	| { kind: 'scale'; value: number }
	| { kind: 'text'; value: string };

/** A respondent's answers by question code. */
export type TAnswerMap = Record<string, TAnswer>;

/** The answer to a question, if any: only the map's own entries (a code like "constructor" is a code). */
export function answerTo(answers: TAnswerMap, code: string): TAnswer | undefined {
	return Object.hasOwn(answers, code) ? answers[code] : undefined;
}

/** One row of the long storage format; `optionCode` is '' when the answer has no option. */
export interface TAnswerRow {
	questionCode: string;
	optionCode: string;
	valueNum: number | null;
	valueText: string | null;
}

/** An answer as storage rows: one per answer, or one per chosen option (the "other" option carries its text). */
export function answerToRows(question: TQuestion, answer: TAnswer): TAnswerRow[] {
	const row = (optionCode: string, valueNum: number | null, valueText: string | null): TAnswerRow => ({
		questionCode: question.code,
		optionCode,
		valueNum,
		valueText
	});
	switch (answer.kind) {
		case 'single':
			return [row(answer.option, null, null)];
		case 'multi': {
			const other = question.type === 'multi' ? question.options.find((o) => o.other)?.code : undefined;
			return answer.options.map((o) => row(o, null, o === other && answer.other ? answer.other : null));
		}
		case 'scale':
			return [row('', answer.value, null)];
		case 'text':
			return [row('', null, answer.value)];
	}
}

/** Storage rows back to answers; rows of questions the questionnaire does not have are ignored. */
export function rowsToAnswers(questionnaire: TQuestionnaire, rows: TAnswerRow[]): TAnswerMap {
	const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
	const answers: TAnswerMap = {};
	for (const r of rows) {
		const q = questions.get(r.questionCode);
		if (!q) continue;
		if (q.type === 'single') answers[q.code] = { kind: 'single', option: r.optionCode };
		else if (q.type === 'scale' && r.valueNum !== null)
			answers[q.code] = { kind: 'scale', value: r.valueNum };
		else if (q.type === 'text' && r.valueText !== null)
			answers[q.code] = { kind: 'text', value: r.valueText };
		else if (q.type === 'multi') {
			const existing = answerTo(answers, q.code);
			const multi =
				existing?.kind === 'multi' ? existing : { kind: 'multi' as const, options: [] as string[] };
			multi.options.push(r.optionCode);
			multi.options.sort();
			if (r.valueText !== null) multi.other = r.valueText;
			answers[q.code] = multi;
		}
	}
	return answers;
}
