import { describe, expect, it } from 'vitest';
import { builtInTemplate } from '../testing/questionnaires.ts';
import { countLevels } from './count-levels.ts';
import { maturityModel } from './maturity-model.ts';

const { levels } = maturityModel(builtInTemplate());

describe('countLevels', () => {
	it('adds up respondents per level, classifying each index as shown', () => {
		expect(
			countLevels(levels, [
				{ index: 0, respondents: 2 },
				{ index: 33.5, respondents: 1 }, // Låg: shown 33.5 has not reached 34
				{ index: 33.95, respondents: 1 }, // Medel: shown 34.0
				{ index: 66.9, respondents: 3 },
				{ index: 100, respondents: 4 }
			])
		).toEqual([
			{ code: 'lag', respondents: 3 },
			{ code: 'medel', respondents: 4 },
			{ code: 'hog', respondents: 4 }
		]);
	});

	it('lists every level, also without respondents', () => {
		expect(countLevels(levels, [])).toEqual([
			{ code: 'lag', respondents: 0 },
			{ code: 'medel', respondents: 0 },
			{ code: 'hog', respondents: 0 }
		]);
		expect(countLevels([], [{ index: 50, respondents: 1 }])).toEqual([]);
	});
});
