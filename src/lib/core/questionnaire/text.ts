import type { TText } from './definition.ts';

/** A questionnaire text in a language ("sv", "en", "fi", …), Swedish when it has no translation. */
export const t = (text: TText, lang: string): string => text[lang] ?? text.sv;

/** The language `t` gives a text in: `lang` when the text has it, Swedish otherwise. */
export const textLanguage = (text: TText, lang: string): string => (text[lang] ? lang : 'sv');

/**
 * The language of the app's own words (buttons, hints, errors) beside a questionnaire's texts in `lang`:
 * English for English, Swedish for Swedish and for the languages the app itself is not written in.
 */
export const uiLocale = (lang: string): 'sv' | 'en' => (lang === 'en' ? 'en' : 'sv');
