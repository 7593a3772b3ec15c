import type { TQuestion } from '../questionnaire/definition.ts';

/** A question that has results (background questions are kept on the response, not as answers). */
export type TResultQuestion = Exclude<TQuestion, { type: 'background' }>;

/** The unrounded figures of one question, in one group or the whole scope. */
export interface TQuestionFigures {
	n: number;
	/** Choice questions: count per option code; scales: count per value (as text, e.g. "7"). */
	counts: Map<string, number>;
	scale: {
		mean: number | null;
		median: number | null;
		sd: number | null;
		topCount: number;
		excluded: number;
	} | null;
	/** Answers per theme label. */
	themes: Map<string, number>;
}
