import { describe, expect, it } from 'vitest';
import { formatPercentInterval, formatSignedPoints } from './format-interval.ts';

describe('formatPercentInterval', () => {
	it('writes a Wilson interval as one Swedish range with the unit once', () => {
		expect(formatPercentInterval([50.6, 85.5], 'sv')).toBe('50,6–85,5\u00a0%');
		expect(formatPercentInterval([0, 27.8], 'sv')).toBe('0–27,8\u00a0%');
		expect(formatPercentInterval([39.7, 89.2], 'en')).toBe('39.7–89.2%');
	});

	it('writes a dash, never NaN, when there is no base', () => {
		expect(formatPercentInterval(null, 'sv')).toBe('–');
	});
});

describe('formatSignedPoints', () => {
	it('gives a rise a plus sign and a fall the minus sign', () => {
		expect(formatSignedPoints(60, 'sv')).toBe('+60');
		expect(formatSignedPoints(12.45, 'sv')).toBe('+12,5');
		expect(formatSignedPoints(-3.2, 'sv')).toBe('\u22123,2');
		expect(formatSignedPoints(-3.2, 'en')).toBe('-3.2');
		expect(formatSignedPoints(0, 'sv')).toBe('0');
		expect(formatSignedPoints(null, 'en')).toBe('–');
	});
});
