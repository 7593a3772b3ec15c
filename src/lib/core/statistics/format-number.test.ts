import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './format-number.ts';

describe('formatNumber', () => {
	it('writes Swedish numbers with a decimal comma and English ones with a point', () => {
		expect(formatNumber(8.5, 'sv')).toBe('8,5');
		expect(formatNumber(8.5, 'en')).toBe('8.5');
		expect(formatNumber(8.456, 'sv')).toBe('8,46');
		expect(formatNumber(20, 'sv')).toBe('20');
	});

	it('rounds halves up before formatting', () => {
		expect(formatNumber(2.675, 'sv')).toBe('2,68');
		expect(formatNumber(0.15, 'en', 1)).toBe('0.2');
	});

	it('groups thousands with a non-breaking space in Swedish and a comma in English', () => {
		expect(formatNumber(100000, 'sv')).toBe('100\u00a0000');
		expect(formatNumber(100000, 'en')).toBe('100,000');
	});

	it('writes Swedish negative numbers with the minus sign', () => {
		expect(formatNumber(-5.25, 'sv', 1)).toBe('\u22125,3');
		expect(formatNumber(-5.25, 'en', 1)).toBe('-5.3');
	});
});

describe('formatPercent', () => {
	it('writes the seed\'s "70 %" and "47,1 %" in Swedish with a non-breaking space', () => {
		expect(formatPercent(70, 'sv')).toBe('70\u00a0%');
		expect(formatPercent(47.0588, 'sv')).toBe('47,1\u00a0%');
	});

	it('writes English percents without a space', () => {
		expect(formatPercent(70, 'en')).toBe('70%');
		expect(formatPercent(47.0588, 'en')).toBe('47.1%');
	});
});
