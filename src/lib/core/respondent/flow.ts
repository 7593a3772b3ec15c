import type { TAnswerMap } from '../questionnaire/answer.ts';
import type { TQuestionnaire, TSection } from '../questionnaire/definition.ts';
import { visibleSections } from '../questionnaire/visibility.ts';

export type TMode = 'invite' | 'open';

/** Where a respondent is: the pages they will see given their answers so far, and the current one. */
export interface TFlowPosition {
	sections: TSection[];
	index: number;
	section: TSection;
	previous: TSection | undefined;
	next: TSection | undefined;
}

/**
 * Locates a page among the pages visible for these answers. A page that is no longer visible (an earlier
 * answer changed) or unknown gives undefined, so the caller can send the respondent to a page that is.
 */
export function locate(
	questionnaire: TQuestionnaire,
	answers: TAnswerMap,
	mode: TMode,
	sectionCode: string
): TFlowPosition | undefined {
	const sections = visibleSections(questionnaire, answers, mode);
	const index = sections.findIndex((s) => s.code === sectionCode);
	const section = sections[index];
	if (!section) return undefined;
	return { sections, index, section, previous: sections[index - 1], next: sections[index + 1] };
}

/** The page to resume on: the saved one if still visible, else the first page. */
export function resumeSection(
	questionnaire: TQuestionnaire,
	answers: TAnswerMap,
	mode: TMode,
	saved: string | null
): TSection | undefined {
	const sections = visibleSections(questionnaire, answers, mode);
	return sections.find((s) => s.code === saved) ?? sections[0];
}

/** The page after `sectionCode` for these answers, or undefined when the review page comes next. */
export function sectionAfter(
	questionnaire: TQuestionnaire,
	answers: TAnswerMap,
	mode: TMode,
	sectionCode: string
): TSection | undefined {
	const sections = visibleSections(questionnaire, answers, mode);
	const order = questionnaire.sections.findIndex((s) => s.code === sectionCode);
	return sections.find((s) => questionnaire.sections.findIndex((x) => x.code === s.code) > order);
}
