import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe-difference.ts';

// Newcombe's method 10: with the later proportion p1 (Wilson l1..u1) and the earlier p2 (l2..u2),
// lower = (p1 − p2) − √((p1 − l1)² + (u2 − p2)²) and upper = (p1 − p2) + √((u1 − p1)² + (p2 − l2)²).
describe('newcombeDifference', () => {
	it('matches the published examples of Newcombe (1998), Table II, method 10', () => {
		// Newcombe RG. Interval estimation for the difference between independent proportions.
		// Stat Med 1998;17:873–890. Each example is p1 − p2, so p2 is the earlier wave here.
		const published: Array<[[number, number], [number, number], number, number]> = [
			[[56, 70], [48, 80], 0.0524, 0.3339],
			[[9, 10], [3, 10], 0.1705, 0.809],
			[[5, 56], [0, 29], -0.0381, 0.1926],
			[[0, 10], [0, 20], -0.1611, 0.2775],
			[[0, 10], [0, 10], -0.2775, 0.2775]
		];
		for (const [[laterCount, laterN], [earlierCount, earlierN], lower, upper] of published) {
			const result = newcombeDifference(
				{ count: earlierCount, n: earlierN },
				{ count: laterCount, n: laterN }
			);
			expect(result?.ci95[0]).toBeCloseTo(lower, 4);
			expect(result?.ci95[1]).toBeCloseTo(upper, 4);
		}
	});

	it('calls 56/70 against 48/80 a change: the interval excludes 0', () => {
		const result = newcombeDifference({ count: 48, n: 80 }, { count: 56, n: 70 });
		expect(result?.difference).toBe(0.2);
		expect(result?.changed).toBe(true);
	});

	it('does not call 14 of 20 falling to 9 of 20 a change', () => {
		// p1 = 0.45, Wilson 9/20 = 0.2581979..0.6579147; p2 = 0.7, Wilson 14/20 = 0.4810272..0.8545228.
		// lower = −0.25 − √(0.1918021² + 0.1545228²) = −0.25 − √(0.0367880 + 0.0238773) = −0.25 − 0.2463034 = −0.4963034
		// upper = −0.25 + √(0.2079147² + 0.2189728²) = −0.25 + √(0.0432285 + 0.0479491) = −0.25 + 0.3019563 = 0.0519563
		const result = newcombeDifference({ count: 14, n: 20 }, { count: 9, n: 20 });
		expect(result?.difference).toBe(-0.25);
		expect(result?.ci95[0]).toBeCloseTo(-0.4963034, 6);
		expect(result?.ci95[1]).toBeCloseTo(0.0519563, 6);
		expect(result?.changed).toBe(false);
	});

	it('is symmetric: swapping the waves mirrors the interval', () => {
		const down = newcombeDifference({ count: 14, n: 20 }, { count: 9, n: 20 });
		const up = newcombeDifference({ count: 9, n: 20 }, { count: 14, n: 20 });
		expect(up?.difference).toBe(0.25);
		expect(up?.ci95[0]).toBeCloseTo(-(down?.ci95[1] ?? Number.NaN), 12);
		expect(up?.ci95[1]).toBeCloseTo(-(down?.ci95[0] ?? Number.NaN), 12);
	});

	it('has no difference when either wave has no base', () => {
		expect(newcombeDifference({ count: 0, n: 0 }, { count: 3, n: 10 })).toBeNull();
		expect(newcombeDifference({ count: 3, n: 10 }, { count: 0, n: 0 })).toBeNull();
	});
});
