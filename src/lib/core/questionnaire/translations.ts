import type { TQuestionnaire } from './definition.ts';
import { questionnaireTexts } from './questionnaire-texts.ts';

/** The edits of a questionnaire's languages: one offered or withdrawn, and texts translated. */
export type TTranslationEdit =
	/** A language the questionnaire is offered in, at the end of the list. */
	| { target: 'add-language'; lang: string }
	/** A language withdrawn, with its every translation (never Swedish). */
	| { target: 'remove-language'; lang: string }
	/**
	 * Texts in `lang` by their names (questionnaire-texts.ts); an empty one removes the translation. The
	 * language is added to the questionnaire's languages when it is not there yet.
	 */
	| { target: 'translate'; lang: string; texts: Record<string, string> };

/**
 * Applies a translation edit to `next` in place (the caller checks the result with the model). Returns
 * false when the language cannot be withdrawn (Swedish, or one the questionnaire does not have).
 */
export function applyTranslationEdit(next: TQuestionnaire, edit: TTranslationEdit): boolean {
	if (edit.target === 'add-language') {
		if (!next.languages.includes(edit.lang)) next.languages.push(edit.lang);
		return true;
	}
	if (edit.target === 'remove-language') {
		if (edit.lang === 'sv' || !next.languages.includes(edit.lang)) return false;
		next.languages = next.languages.filter((lang) => lang !== edit.lang);
		for (const { text } of questionnaireTexts(next)) delete text[edit.lang];
		return true;
	}
	if (edit.lang === 'sv') return false;
	if (!next.languages.includes(edit.lang)) next.languages.push(edit.lang);
	// The texts the walk gives are the questionnaire's own objects: setting one sets the questionnaire's.
	for (const { id, text } of questionnaireTexts(next)) {
		const value = edit.texts[id];
		if (value === undefined) continue;
		const trimmed = value.trim();
		if (trimmed) text[edit.lang] = trimmed;
		else delete text[edit.lang];
	}
	return true;
}

/** A translation file's texts set against the questionnaire: what a translator's work will change. */
export interface TTranslationCheck {
	/** Texts the file translates (or translates anew). */
	translated: number;
	/** Names in the file the questionnaire has no text for (a question removed since the export). */
	unknown: string[];
	/**
	 * Texts whose Swedish has changed since the file was made (its source differs): translated all the
	 * same, and listed so that someone checks them.
	 */
	sourceChanged: string[];
}

/** Checks a translation file's units (name, Swedish source, translation) against the questionnaire. */
export function checkTranslations(
	q: TQuestionnaire,
	lang: string,
	units: readonly { id: string; source?: string; target?: string }[]
): TTranslationCheck {
	const texts = new Map(questionnaireTexts(q).map((entry) => [entry.id, entry.text]));
	const check: TTranslationCheck = { translated: 0, unknown: [], sourceChanged: [] };
	for (const unit of units) {
		const text = texts.get(unit.id);
		if (!text) {
			check.unknown.push(unit.id);
			continue;
		}
		const target = unit.target?.trim();
		if (!target) continue;
		if (target !== text[lang]) check.translated++;
		if (unit.source !== undefined && unit.source.trim() !== text.sv.trim()) check.sourceChanged.push(unit.id);
	}
	return check;
}
