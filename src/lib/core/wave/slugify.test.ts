import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.ts';

describe('slugify', () => {
	it('turns a Swedish wave name into a link-friendly slug', () => {
		expect(slugify('Våren 2020')).toBe('varen-2020');
		expect(slugify('Kommunchefer – Älvsbyn & Överkalix!')).toBe('kommunchefer-alvsbyn-overkalix');
		expect(slugify('  --Höst--  ')).toBe('host');
	});

	it('keeps slugs between 2 and 63 characters, without a trailing hyphen', () => {
		expect(slugify('Ö')).toBe('w-o');
		expect(slugify('!!!')).toBe('w-wave');
		const long = slugify(`${'a'.repeat(62)} b`);
		expect(long).toBe('a'.repeat(62));
		expect(slugify('ord '.repeat(30)).length).toBeLessThanOrEqual(63);
		expect(slugify('ord '.repeat(30))).not.toMatch(/-$/);
	});
});
