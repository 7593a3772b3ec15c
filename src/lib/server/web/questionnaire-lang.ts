import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { nativeLanguageName } from '../../core/questionnaire/language-name.ts';

/** The cookie that keeps a questionnaire language the app's own words are not in (?lang=fi). */
export const TEXT_LANG_COOKIE = 'textlang';

/**
 * The language a respondent page shows a questionnaire's texts in: the one the visitor picked when the
 * questionnaire is offered in it, otherwise the language of the app's own words.
 */
export function questionnaireLang(
	locals: { lang: 'sv' | 'en'; textLang?: string },
	questionnaire: Pick<TQuestionnaire, 'languages'>
): string {
	const picked = locals.textLang;
	return picked && questionnaire.languages.includes(picked) ? picked : locals.lang;
}

/** The questionnaire's languages for a start page's choice, each in its own name. */
export function languageChoices(questionnaire: Pick<TQuestionnaire, 'languages'>, current: string) {
	return questionnaire.languages.map((code) => ({
		code,
		name: nativeLanguageName(code),
		current: code === current
	}));
}
