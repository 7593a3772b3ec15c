import { describe, expect, it } from 'vitest';
import { dimensionScore } from './dimension-score.ts';

describe('dimensionScore', () => {
	it('is the mean of the answered items', () => {
		expect(dimensionScore([100, 0])).toBe(50);
		// (100 + 100 + 0) / 3 = 66.67
		expect(dimensionScore([100, 100, 0])).toBeCloseTo(66.6667, 4);
	});

	it('needs at least half of the items answered', () => {
		expect(dimensionScore([100, null])).toBe(100);
		expect(dimensionScore([0, null, null])).toBeNull();
		expect(dimensionScore([0, 100, null, null])).toBe(50);
		expect(dimensionScore([null])).toBeNull();
	});

	it('has no score without items', () => {
		expect(dimensionScore([])).toBeNull();
	});
});
