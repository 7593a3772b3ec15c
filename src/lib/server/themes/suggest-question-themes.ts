import { suggestThemes } from '../../core/themes/suggest-themes.ts';
import type { TDb } from '../db/client.ts';
import { listQuestionAnswers } from './list-question-answers.ts';
import type { TQuestionRef } from './theme-input.ts';

export interface TQuestionThemeSuggestion {
	/** Candidate theme name, for the analyst to accept or edit. */
	name: string;
	terms: string[];
	answers: Array<{ responseId: string; text: string }>;
}

/**
 * Groups of similar answers that have no theme yet, with candidate names (Swedish stems, TF-IDF and
 * clustering in `core/themes`). Accepting a group tags its answers, so it is not suggested again.
 */
export async function suggestQuestionThemes(db: TDb, ref: TQuestionRef): Promise<TQuestionThemeSuggestion[]> {
	const untagged = (await listQuestionAnswers(db, ref)).filter((a) => a.themes.length === 0);
	const text = new Map(untagged.map((a) => [a.responseId, a.text]));
	return suggestThemes(untagged.map((a) => ({ id: a.responseId, text: a.text }))).map((group) => ({
		name: group.name,
		terms: group.terms,
		answers: group.ids.map((responseId) => ({ responseId, text: text.get(responseId) ?? '' }))
	}));
}
