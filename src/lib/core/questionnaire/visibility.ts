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

/** How a page shows a question whose condition refers to an earlier question on the same page. */
export interface TReveal {
	/** The reveal's number on its page, from 1. */
	index: number;
	/** The reveals the question's display depends on: its own and those of the questions it depends on. */
	within: number[];
}

/** A page as it is drawn: its questions, and the follow-ups that the answers on the page itself reveal. */
export interface TPageQuestions {
	questions: TQuestion[];
	/** By question code: the follow-ups shown or hidden by an answer on the same page. */
	reveals: Map<string, TReveal>;
	/** By question code, then option code: the reveals that option's choice opens. */
	opens: Map<string, Map<string, number[]>>;
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
	const questions: TQuestion[] = [];
	const reveals = new Map<string, TReveal>();
	const opens = new Map<string, Map<string, number[]>>();
	for (const question of section.questions) {
		if (question.type === 'background' && mode !== 'open') continue;
		const parent = question.showIf?.question;
		if (question.showIf && parent !== undefined && onPage.has(parent)) {
			if (!drawn.has(parent)) continue;
			const index = reveals.size + 1;
			reveals.set(question.code, { index, within: [...(reveals.get(parent)?.within ?? []), index] });
			const byOption = opens.get(parent) ?? new Map<string, number[]>();
			for (const option of question.showIf.in) byOption.set(option, [...(byOption.get(option) ?? []), index]);
			opens.set(parent, byOption);
		} else if (!isQuestionVisible(question, answers)) continue;
		drawn.add(question.code);
		questions.push(question);
	}
	return { questions, reveals, opens };
}
