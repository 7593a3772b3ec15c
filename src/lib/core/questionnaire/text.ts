import type { TText } from './definition.ts';

/** A questionnaire text in a language ("sv", "en", "fi", …), Swedish when it has no translation. */
export const t = (text: TText, lang: string): string => text[lang] ?? text.sv;
