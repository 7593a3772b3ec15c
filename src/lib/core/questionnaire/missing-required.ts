import { answerTo, type TAnswerMap } from './answer.ts';
import type { TQuestionnaire } from './definition.ts';
import { visibleQuestions } from './visibility.ts';

/** Codes of the required questions a respondent was shown but has not answered, in questionnaire order. */
export function missingRequired(
	questionnaire: TQuestionnaire,
	answers: TAnswerMap,
	mode: 'invite' | 'open'
): string[] {
	return questionnaire.sections.flatMap((section) =>
		visibleQuestions(section, answers, mode)
			.filter((q) => q.type !== 'background' && q.required && answerTo(answers, q.code) === undefined)
			.map((q) => q.code)
	);
}
