import { describe, expect, it } from 'vitest';
import { languageName, nativeLanguageName } from './language-name.ts';

describe('languageName', () => {
	it('names the languages of Sweden’s national minorities in Swedish and English', () => {
		expect(['fi', 'se', 'fit', 'smj', 'sma', 'en'].map((code) => languageName(code, 'sv'))).toEqual([
			'finska',
			'nordsamiska',
			'meänkieli',
			'lulesamiska',
			'sydsamiska',
			'engelska'
		]);
		expect(languageName('se', 'en')).toBe('Northern Sami');
	});

	it('gives the code of a language it has no name for', () => {
		expect(languageName('qqq', 'sv')).toBe('qqq');
	});

	it('names a language in itself, or in Swedish when the platform knows no name of its own', () => {
		expect(['sv', 'en', 'fi', 'se', 'fit'].map(nativeLanguageName)).toEqual([
			'svenska',
			'English',
			'suomi',
			'davvisámegiella',
			'meänkieli'
		]);
	});
});
