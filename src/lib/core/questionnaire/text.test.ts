import { describe, expect, it } from 'vitest';
import { t, textLanguage, uiLocale } from './text.ts';

describe('t', () => {
	it('gives the text in the language asked for', () => {
		expect(t({ sv: 'Ja', en: 'Yes' }, 'sv')).toBe('Ja');
		expect(t({ sv: 'Ja', en: 'Yes' }, 'en')).toBe('Yes');
	});

	it('falls back to Swedish when there is no English text', () => {
		expect(t({ sv: 'Kommun' }, 'en')).toBe('Kommun');
	});

	it('falls back to Swedish for a language the text has not been translated into', () => {
		expect(t({ sv: 'Ja', fi: 'Kyllä' }, 'fi')).toBe('Kyllä');
		expect(t({ sv: 'Ja', fi: 'Kyllä' }, 'se')).toBe('Ja');
		expect([textLanguage({ sv: 'Ja', fi: 'Kyllä' }, 'fi'), textLanguage({ sv: 'Ja' }, 'fi')]).toEqual([
			'fi',
			'sv'
		]);
	});

	it('words the app’s own texts in Swedish beside a language the app is not written in', () => {
		expect(['sv', 'en', 'fi', 'se', 'fit'].map(uiLocale)).toEqual(['sv', 'en', 'sv', 'sv', 'sv']);
	});
});
