import { describe, expect, it } from 'vitest';
import { languageChoices, questionnaireLang } from './questionnaire-lang.ts';

const offered = { languages: ['sv', 'en', 'fi', 'fit'] };

describe('questionnaireLang', () => {
	it('shows the texts in the language picked when the questionnaire is offered in it', () => {
		expect(questionnaireLang({ lang: 'sv', textLang: 'fi' }, offered)).toBe('fi');
		expect(questionnaireLang({ lang: 'en', textLang: 'en' }, offered)).toBe('en');
	});

	it('falls back to the language of the app’s words for one the questionnaire is not offered in', () => {
		expect(questionnaireLang({ lang: 'sv', textLang: 'se' }, offered)).toBe('sv');
		expect(questionnaireLang({ lang: 'en', textLang: 'fi' }, { languages: ['sv', 'en'] })).toBe('en');
	});
});

describe('languageChoices', () => {
	it('names each language in itself and marks the current one', () => {
		expect(languageChoices(offered, 'fi')).toEqual([
			{ code: 'sv', name: 'svenska', current: false },
			{ code: 'en', name: 'English', current: false },
			{ code: 'fi', name: 'suomi', current: true },
			{ code: 'fit', name: 'meänkieli', current: false }
		]);
	});
});
