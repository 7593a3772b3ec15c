import { answerTo, type TAnswerMap } from './answer.ts';
import type { TQuestion, TQuestionnaire, TSection } from './definition.ts';

export type TMode = 'invite' | 'open';

/** Whether a question's condition holds for the answers so far (a question without condition always shows). */
export function isQuestionVisible(question: TQuestion, answers: TAnswerMap): boolean {
	const condition = question.showIf;
	if (!condition) return true;
	const answer = answerTo(answers, condition.question);
	if (answer?.kind === 'single') return condition.in.includes(answer.option);
	if (answer?.kind === 'multi') return answer.options.some((o) => condition.in.includes(o));
	return false;
}

/** The questions of a page a respondent sees; background questions only on open links. */
export function visibleQuestions(section: TSection, answers: TAnswerMap, mode: TMode): TQuestion[] {
	return section.questions.filter(
		(q) => (q.type !== 'background' || mode === 'open') && isQuestionVisible(q, answers)
	);
}

/** The pages a respondent sees: those with at least one visible question. */
export function visibleSections(questionnaire: TQuestionnaire, answers: TAnswerMap, mode: TMode): TSection[] {
	return questionnaire.sections.filter((s) => visibleQuestions(s, answers, mode).length > 0);
}

/** Answers without those to hidden questions; repeated until stable, since hiding one may hide another. */
export function pruneHidden(questionnaire: TQuestionnaire, answers: TAnswerMap, mode: TMode): TAnswerMap {
	let current = answers;
	for (;;) {
		const visible = new Set(
			questionnaire.sections.flatMap((s) => visibleQuestions(s, current, mode)).map((q) => q.code)
		);
		const next = Object.fromEntries(Object.entries(current).filter(([code]) => visible.has(code)));
		if (Object.keys(next).length === Object.keys(current).length) return next;
		current = next;
	}
}
