import { describe, expect, it } from 'vitest';
import {
	formatCount,
	formatMean,
	formatNumber,
	formatPercent,
	formatPercentOrDash,
	formatRate,
	formatScore
} from './format-number.ts';
import { roundMean } from './round-half-up.ts';

describe('formatNumber', () => {
	it('writes Swedish numbers with a decimal comma and English ones with a point', () => {
		expect(formatNumber(8.5, 'sv', 1)).toBe('8,5');
		expect(formatNumber(8.5, 'en', 1)).toBe('8.5');
		expect(formatNumber(8.456, 'sv', 2)).toBe('8,46');
		expect(formatNumber(20, 'sv', 1)).toBe('20');
	});

	it('rounds halves up before formatting', () => {
		expect(formatNumber(2.675, 'sv', 2)).toBe('2,68');
		expect(formatNumber(0.15, 'en', 1)).toBe('0.2');
	});

	it('groups thousands with a non-breaking space in Swedish and a comma in English', () => {
		expect(formatNumber(100000, 'sv', 0)).toBe('100\u00a0000');
		expect(formatNumber(100000, 'en', 0)).toBe('100,000');
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

describe('formatMean', () => {
	it('writes a mean, median or standard deviation with one decimal, as the seed\'s "8,5"', () => {
		expect(formatMean(8.5, 'sv')).toBe('8,5');
		expect(formatMean(8.5, 'en')).toBe('8.5');
		expect(formatMean(8.46, 'sv')).toBe('8,5');
		expect(formatMean(7, 'sv')).toBe('7');
		expect(formatMean(null, 'sv')).toBe('–');
	});

	it("shows the engine's rounded mean unchanged, so a page, the report and the CSV agree", () => {
		// Rounded once: 8.449 is 8.4, not 8.45 and then 8.5.
		expect(roundMean(8.449)).toBe(8.4);
		expect(formatMean(roundMean(8.449), 'sv')).toBe('8,4');
		expect(formatMean(roundMean(8.25), 'en')).toBe(String(roundMean(8.25)));
	});
});

describe('formatScore', () => {
	it('writes a maturity score with one decimal', () => {
		expect(formatScore(66.65, 'sv')).toBe('66,7');
		expect(formatScore(null, 'en')).toBe('–');
	});
});

describe('formatCount, formatPercentOrDash and formatRate', () => {
	it('writes counts whole with the thousands separator of the language', () => {
		expect(formatCount(1234, 'sv')).toBe('1\u00a0234');
		expect(formatCount(1234, 'en')).toBe('1,234');
		expect(formatCount(null, 'en')).toBe('–');
	});

	it('writes a missing percent as a dash', () => {
		expect(formatPercentOrDash(null, 'sv')).toBe('–');
		expect(formatPercentOrDash(8.46, 'sv')).toBe('8,5\u00a0%');
	});

	it('writes response rates as whole percents', () => {
		expect(formatRate(69.5, 'sv')).toBe('70\u00a0%');
		expect(formatRate(70, 'en')).toBe('70%');
		expect(formatRate(null, 'sv')).toBe('–');
	});
});
