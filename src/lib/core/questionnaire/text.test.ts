import { describe, expect, it } from 'vitest';
import { t } from './text.ts';

describe('t', () => {
	it('gives the text in the language asked for', () => {
		expect(t({ sv: 'Ja', en: 'Yes' }, 'sv')).toBe('Ja');
		expect(t({ sv: 'Ja', en: 'Yes' }, 'en')).toBe('Yes');
	});

	it('falls back to Swedish when there is no English text', () => {
		expect(t({ sv: 'Kommun' }, 'en')).toBe('Kommun');
	});
});
