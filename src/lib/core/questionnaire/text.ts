import type { TText } from './definition.ts';

/** A questionnaire text in the respondent's language, Swedish when there is no translation. */
export const t = (text: TText, lang: 'sv' | 'en'): string => (lang === 'en' && text.en ? text.en : text.sv);
