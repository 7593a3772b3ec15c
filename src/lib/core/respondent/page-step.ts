import { answerTo, type TAnswer, type TAnswerMap } from '../questionnaire/answer.ts';
import { answerToFormValues } from '../questionnaire/answer-form-values.ts';
import type { TQuestion, TQuestionnaire } from '../questionnaire/definition.ts';
import { describeAnswer } from '../questionnaire/describe-answer.ts';
import { missingRequired } from '../questionnaire/missing-required.ts';
import { parseSectionForm, type TFieldError } from '../questionnaire/parse-section-form.ts';
import { t, textLanguage } from '../questionnaire/text.ts';
import { pageQuestions, visibleQuestions, visibleSections } from '../questionnaire/visibility.ts';
import { locate, sectionAfter, type TMode } from './flow.ts';

// What a respondent page shows and what its form post does, shared by the respondent's pages (which
// store the answers) and the designer's preview (which stores nothing).

type TLang = 'sv' | 'en';

/** A page as the respondent sees it for these answers; undefined when the page is not shown to them. */
export function pageView(
	questionnaire: TQuestionnaire,
	answers: TAnswerMap,
	mode: TMode,
	sectionCode: string,
	/** The questionnaire's language ("sv", "en", "fi", …). */
	lang: string
) {
	const position = locate(questionnaire, answers, mode, sectionCode);
	if (!position) return undefined;
	const { section, index, sections } = position;
	// The answers so far decide the follow-ups of earlier pages' questions; a follow-up of a question on
	// this page is drawn and revealed in the browser by the answer chosen there.
	const drawn = pageQuestions(section, answers, mode);
	const questions = drawn.questions.filter((q) => q.type !== 'background');
	return {
		questionnaireTitle: t(questionnaire.title, lang),
		title: t(section.title, lang),
		intro: section.intro ? t(section.intro, lang) : null,
		/** The language each of those texts is in: `lang`, or Swedish where it has no translation. */
		langs: {
			questionnaireTitle: textLanguage(questionnaire.title, lang),
			title: textLanguage(section.title, lang),
			intro: section.intro ? textLanguage(section.intro, lang) : lang
		},
		questions,
		saved: Object.fromEntries(questions.map((q) => [q.code, answerToFormValues(answerTo(answers, q.code))])),
		/** By follow-up code: the reveals it is shown within (its own last). */
		reveals: drawn.reveals,
		/** By question code, then option code: the reveals choosing that option opens. */
		opens: drawn.opens,
		index: index + 1,
		total: sections.length,
		hasPrevious: index > 0,
		isLast: index === sections.length - 1
	};
}

/** What the respondent asked for with the page's buttons. */
export type TPageAction = 'next' | 'back' | 'save';

export type TPageStep =
	| { ok: false; errors: TFieldError[]; raw: Record<string, string[]> }
	| {
			ok: true;
			action: TPageAction;
			/** The page's answers (to store in place of its earlier ones). */
			answers: TAnswerMap;
			/** Every answer after this post: the earlier ones with this page's replaced. */
			merged: TAnswerMap;
			/** The page to show next; undefined for the review page. */
			target: string | undefined;
	  };

/**
 * A page's form post: the answers read and checked against the questionnaire, and where the respondent
 * goes. Moving on needs every required answer; going back or saving for later keeps whatever is valid.
 */
export function pageStep(options: {
	questionnaire: TQuestionnaire;
	answers: TAnswerMap;
	mode: TMode;
	sectionCode: string;
	form: Array<[string, string]>;
	lang: TLang;
}): TPageStep | undefined {
	const { questionnaire, answers, mode } = options;
	const position = locate(questionnaire, answers, mode, options.sectionCode);
	if (!position) return undefined;
	const { section } = position;
	const given = options.form.find(([k]) => k === '_action')?.[1];
	const action: TPageAction = given === 'back' || given === 'save' ? given : 'next';
	const parsed = parseSectionForm({
		questionnaire,
		section,
		form: options.form,
		previous: answers,
		mode,
		lang: options.lang
	});
	const blocking =
		action === 'next'
			? parsed.errors
			: parsed.errors.filter((e) => !isMissing(section, e.question, parsed.raw));
	if (blocking.length > 0) return { ok: false, errors: blocking, raw: parsed.raw };
	const codes = new Set(section.questions.map((q) => q.code));
	const merged: TAnswerMap = {
		...Object.fromEntries(Object.entries(answers).filter(([code]) => !codes.has(code))),
		...parsed.answers
	};
	const next = sectionAfter(questionnaire, merged, mode, section.code);
	const target =
		action === 'back'
			? (position.previous?.code ?? section.code)
			: action === 'save'
				? section.code
				: next?.code;
	return { ok: true, action, answers: parsed.answers, merged, target };
}

/** The review page: every page shown, each question's answer in words, and which required ones are missing. */
export function reviewView(questionnaire: TQuestionnaire, answers: TAnswerMap, mode: TMode, lang: string) {
	const missing = new Set(missingRequired(questionnaire, answers, mode));
	return {
		questionnaireTitle: t(questionnaire.title, lang),
		questionnaireTitleLang: textLanguage(questionnaire.title, lang),
		sections: visibleSections(questionnaire, answers, mode).map((section) => ({
			code: section.code,
			title: t(section.title, lang),
			titleLang: textLanguage(section.title, lang),
			questions: visibleQuestions(section, answers, mode)
				.filter((q) => q.type !== 'background')
				.map((q) => ({
					code: q.code,
					text: t(q.text, lang),
					textLang: textLanguage(q.text, lang),
					answerLang: answerLanguage(q, answerTo(answers, q.code), lang),
					answer: describeAnswer(q, answerTo(answers, q.code), lang),
					missing: missing.has(q.code)
				}))
		}))
	};
}

/** The language a chosen option's label is shown in; null for a number or the respondent's own text. */
function answerLanguage(question: TQuestion, answer: TAnswer | undefined, lang: string): string | null {
	if (!answer || (answer.kind !== 'single' && answer.kind !== 'multi')) return null;
	if (question.type !== 'single' && question.type !== 'multi') return null;
	const code = answer.kind === 'single' ? answer.option : answer.options[0];
	const option = question.options.find((o) => o.code === code);
	return option ? textLanguage(option.label, lang) : null;
}

function isMissing(
	section: { questions: { code: string; required: boolean }[] },
	code: string,
	raw: Record<string, string[]>
): boolean {
	const q = section.questions.find((x) => x.code === code);
	return (
		Boolean(q?.required) &&
		Object.entries(raw).every(([k, v]) => !k.startsWith(`q.${code}`) || v.every((s) => !s.trim()))
	);
}
