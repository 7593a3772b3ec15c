import type { TQuestionnaire } from './definition.ts';
import { questionnaireTexts } from './questionnaire-texts.ts';

/** A text of a questionnaire that has no translation into a language, and where it is. */
export interface TUntranslated {
	/** The text's name in a translation file (questionnaire-texts.ts). */
	id: string;
	/** The page's code, or null for the questionnaire's own texts. */
	section: string | null;
	/** The question's code, or null for a page's or the questionnaire's own texts. */
	question: string | null;
	/** Which text: "title", "text", "help", "option ja", … */
	field: string;
	/** The Swedish text, to translate. */
	sv: string;
}

/**
 * Every text of a questionnaire with a Swedish value and none in `lang`, in the order a respondent meets
 * them: what a translator still has to do.
 */
export function untranslatedTexts(q: TQuestionnaire, lang: string): TUntranslated[] {
	return questionnaireTexts(q)
		.filter(({ text }) => !text[lang])
		.map(({ id, section, question, field, text }) => ({ id, section, question, field, sv: text.sv }));
}

/** How far each of the questionnaire's languages other than Swedish is translated. */
export function translationProgress(
	q: TQuestionnaire
): { lang: string; translated: number; total: number }[] {
	const texts = questionnaireTexts(q);
	return q.languages
		.filter((lang) => lang !== 'sv')
		.map((lang) => ({
			lang,
			translated: texts.filter(({ text }) => text[lang]).length,
			total: texts.length
		}));
}
