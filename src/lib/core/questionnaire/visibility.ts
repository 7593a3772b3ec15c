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

/** The questions of a page a respondent sees for these answers; background questions only on open links. */
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

/** A page as it is drawn: its questions, and the follow-ups that the answers on the page itself reveal. */
export interface TPageQuestions {
	questions: TQuestion[];
	/**
	 * By follow-up code, for each follow-up of a question on the same page: the numbers of the reveals it
	 * is shown within, its own last (the page numbers them from 1), and before it those of the follow-ups
	 * it depends on, so that it hides with them.
	 */
	reveals: Record<string, number[]>;
	/** By question code, then option code: the reveals choosing that option opens. */
	opens: Record<string, Record<string, number[]>>;
}

/**
 * The questions a page draws. A question whose condition refers to an earlier page shows when the
 * answers so far meet it; one whose condition refers to an earlier question on the same page is drawn
 * whenever that question is, and revealed by the browser (CSS, no script) when one of the options that
 * show it is chosen. The server decides again from what is posted (`parseSectionForm`).
 */
export function pageQuestions(section: TSection, answers: TAnswerMap, mode: TMode): TPageQuestions {
	const onPage = new Set(section.questions.map((q) => q.code));
	const drawn = new Set<string>();
	const page: TPageQuestions = { questions: [], reveals: {}, opens: {} };
	let count = 0;
	for (const question of section.questions) {
		if (question.type === 'background' && mode !== 'open') continue;
		const condition = question.showIf;
		if (condition && onPage.has(condition.question)) {
			if (!drawn.has(condition.question)) continue;
			const index = ++count;
			page.reveals[question.code] = [...(page.reveals[condition.question] ?? []), index];
			const byOption = page.opens[condition.question] ?? {};
			for (const option of condition.in) byOption[option] = [...(byOption[option] ?? []), index];
			page.opens[condition.question] = byOption;
		} else if (!isQuestionVisible(question, answers)) continue;
		drawn.add(question.code);
		page.questions.push(question);
	}
	return page;
}
