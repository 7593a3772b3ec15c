import { describe, expect, it } from 'vitest';
import { percentOf, roundHalfUp, roundMean, roundPercent } from './round-half-up.ts';

describe('roundHalfUp', () => {
	it('rounds halves up where binary floating point lies just below them', () => {
		// 0.15 is stored as 0.1499999999999999944…, 2.675 as 2.67499999999999982…, 1.005 as 1.00499999…
		expect(roundHalfUp(0.15, 1)).toBe(0.2);
		expect(roundHalfUp(2.675, 2)).toBe(2.68);
		expect(roundHalfUp(1.005, 2)).toBe(1.01);
		expect(roundHalfUp(8.345, 2)).toBe(8.35);
	});

	it('rounds halves away from zero for negative numbers (changes in percentage points)', () => {
		expect(roundHalfUp(-0.15, 1)).toBe(-0.2);
		expect(roundHalfUp(-25 + 1e-14, 1)).toBe(-25);
		expect(roundHalfUp(-0.04, 1)).toBe(0);
		expect(Object.is(roundHalfUp(-0.04, 1), -0)).toBe(false);
	});

	it('leaves other values to ordinary rounding', () => {
		expect(roundHalfUp(1 / 3, 2)).toBe(0.33);
		expect(roundHalfUp(2 / 3, 1)).toBe(0.7);
		expect(roundHalfUp(47.0588235, 1)).toBe(47.1);
		expect(roundHalfUp(12, 1)).toBe(12);
		expect(roundHalfUp(0.5, 0)).toBe(1);
	});

	it('copes with numbers written in exponent form', () => {
		expect(roundHalfUp(1e-7, 2)).toBe(0);
		expect(roundHalfUp(1.5e21, 0)).toBe(1.5e21);
	});

	it('leaves non-finite values alone and refuses negative decimals', () => {
		expect(roundHalfUp(Number.NaN, 1)).toBeNaN();
		expect(() => roundHalfUp(1, -1)).toThrow(RangeError);
	});
});

describe('percents and means', () => {
	it('rounds percents and means to one decimal', () => {
		expect(roundPercent(47.05882352941177)).toBe(47.1);
		expect(roundMean(8.5)).toBe(8.5);
		expect(roundMean(7.345)).toBe(7.3);
		expect(roundMean(7.35)).toBe(7.4);
	});

	it('computes a rounded percent of a count without a detour through a proportion', () => {
		// 8 of 17 = 47.0588… % → 47.1; 3 of 2000 = 0.15 % → 0.2; 1 of 16 = 6.25 % → 6.3.
		expect(percentOf(8, 17)).toBe(47.1);
		expect(percentOf(3, 2000)).toBe(0.2);
		expect(percentOf(1, 16)).toBe(6.3);
		expect(percentOf(14, 20)).toBe(70);
		expect(percentOf(0, 0)).toBeNull();
	});
});
