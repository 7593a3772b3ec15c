import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.ts';

// Wilson: centre = (p + z²/2n) / (1 + z²/n), half-width = z / (1 + z²/n) × √(p(1−p)/n + z²/4n²),
// with z = 1.959964, z² = 3.841459.
describe('wilsonInterval', () => {
	it('gives the interval of 14 of 20 (the seed\'s "70 %")', () => {
		// p = 0.7: centre = (0.7 + 0.0960365) / 1.1920730 = 0.6677749;
		// half = 1.959964 / 1.1920730 × √(0.0105 + 0.0024009) = 1.6441660 × 0.1135822 = 0.1867477.
		const [lower, upper] = wilsonInterval(14, 20) ?? [Number.NaN, Number.NaN];
		expect(lower).toBeCloseTo(0.4810272, 6);
		expect(upper).toBeCloseTo(0.8545228, 6);
	});

	it('starts at exactly 0 for 0 of n and ends at exactly 1 for n of n', () => {
		// 0 of 20: upper = 2 × 0.0960365 / 1.1920730 = 0.1611252 (Newcombe 1998, Table I: 0.1611).
		expect(wilsonInterval(0, 20)?.[0]).toBe(0);
		expect(wilsonInterval(0, 20)?.[1]).toBeCloseTo(0.1611252, 6);
		expect(wilsonInterval(20, 20)?.[0]).toBeCloseTo(1 - 0.1611252, 6);
		expect(wilsonInterval(20, 20)?.[1]).toBe(1);
	});

	it('gives 1 of 1 a wide interval that ends at 1', () => {
		// The same formula as (2np + z² − z√(z² + 4np(1−p))) / 2(n + z²): with n = 1, p = 1 that is
		// (2 + 3.841459 − 1.959964 × 1.959964) / (2 × 4.841459) = 2 / 9.682918 = 0.2065493.
		const [lower, upper] = wilsonInterval(1, 1) ?? [Number.NaN, Number.NaN];
		expect(lower).toBeCloseTo(0.2065493, 6);
		expect(upper).toBe(1);
	});

	it('matches the published intervals of Newcombe (1998), Table I', () => {
		// Newcombe RG. Two-sided confidence intervals for the single proportion. Stat Med 1998;17:857–872.
		const published: Array<[number, number, number, number]> = [
			[81, 263, 0.2553, 0.3662],
			[15, 148, 0.0624, 0.1605],
			[0, 20, 0, 0.1611],
			[1, 29, 0.0061, 0.1718]
		];
		for (const [count, n, lower, upper] of published) {
			const interval = wilsonInterval(count, n);
			expect(interval?.[0]).toBeCloseTo(lower, 4);
			expect(interval?.[1]).toBeCloseTo(upper, 4);
		}
	});

	it('has no interval without a base', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
	});

	it('refuses counts that cannot be', () => {
		expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
		expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
		expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
	});
});
