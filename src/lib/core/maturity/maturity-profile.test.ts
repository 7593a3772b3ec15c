import { describe, expect, it } from 'vitest';
import { builtInTemplate, definition, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { maturityModel } from './maturity-model.ts';
import { maturityLevel, maturityProfile } from './maturity-profile.ts';

const template = maturityModel(builtInTemplate());
const levels = template.levels;

// Two capability dimensions weighted 2 and 1, and a legacy dimension (its one item reversed).
const weighted = maturityModel(
	questionnaireFrom(
		definition(
			[
				page(
					'p',
					yesNo('a', { dimension: 'a' }),
					yesNo('b', { dimension: 'b' }),
					yesNo('c', { dimension: 'c', reversed: true })
				)
			],
			{
				dimensions: [
					{ code: 'a', label: { sv: 'A' }, weight: 2 },
					{ code: 'b', label: { sv: 'B' } },
					{ code: 'c', label: { sv: 'C' } }
				],
				levels: [
					{ code: 'lag', label: { sv: 'Låg' }, min: 0, max: 33 },
					{ code: 'medel', label: { sv: 'Medel' }, min: 34, max: 66 },
					{ code: 'hog', label: { sv: 'Hög' }, min: 67, max: 100 }
				]
			}
		)
	)
);

describe('maturityLevel', () => {
	it('classifies the score as shown (one decimal) by the highest minimum it has reached', () => {
		expect(maturityLevel(0, levels)).toBe('lag');
		expect(maturityLevel(33, levels)).toBe('lag');
		expect(maturityLevel(33.5, levels)).toBe('lag'); // shown 33.5: has not reached 34
		expect(maturityLevel(33.94, levels)).toBe('lag'); // shown 33.9
		expect(maturityLevel(33.95, levels)).toBe('medel'); // shown 34.0
		expect(maturityLevel(34, levels)).toBe('medel');
		expect(maturityLevel(66.9, levels)).toBe('medel');
		expect(maturityLevel(67, levels)).toBe('hog');
		expect(maturityLevel(100, levels)).toBe('hog');
	});

	it('has no level without a score or without levels', () => {
		expect(maturityLevel(null, levels)).toBeNull();
		expect(maturityLevel(50, [])).toBeNull();
	});
});

describe('maturityProfile', () => {
	it('gives the equal-weight index of the template, its weakest dimension and level', () => {
		const profile = maturityProfile(template, {
			strategi: 50,
			medborgarfokus: 100,
			ledning: 100 / 3,
			digitalt_arv: 0,
			omvarld: 100,
			kultur: 75,
			kompetens: 25
		});
		// (50 + 100 + 33.333 + 0 + 100 + 75 + 25) / 7 = 383.333 / 7 = 54.762 → 54.8, Medel
		expect(profile.index).toBe(54.8);
		expect(profile.level).toBe('medel');
		expect(profile.weakest).toBe('digitalt_arv');
		expect(profile.dimensions.ledning).toBe(33.3);
		// capability: (50 + 100 + 33.333 + 100 + 75 + 25) / 6 = 383.333 / 6 = 63.889 → 63.9; legacy 0
		expect(profile.placement).toEqual({ capability: 63.9, legacy: 0 });
	});

	it('weights the dimensions by their weights in the questionnaire', () => {
		// (2 × 100 + 1 × 40 + 1 × 70) / 4 = 310 / 4 = 77.5; capability (2 × 100 + 40) / 3 = 80
		const profile = maturityProfile(weighted, { a: 100, b: 40, c: 70 });
		expect(profile.index).toBe(77.5);
		expect(profile.level).toBe('hog');
		expect(profile.weakest).toBe('b');
		expect(profile.placement).toEqual({ capability: 80, legacy: 70 });
	});

	it('builds the index from the dimensions that have a score when at least half do', () => {
		// a and c of three: (2 × 30 + 1 × 60) / 3 = 40
		expect(maturityProfile(weighted, { a: 30, b: null, c: 60 }).index).toBe(40);
		const one = maturityProfile(weighted, { a: 30, b: null, c: null });
		expect(one.index).toBeNull();
		expect(one.level).toBeNull();
		expect(one.weakest).toBe('a');
		expect(one.placement).toEqual({ capability: 30, legacy: null });
	});

	it('takes the first dimension in questionnaire order when two show the same lowest score', () => {
		expect(maturityProfile(weighted, { a: 100 / 3, b: 33.3333, c: 90 }).weakest).toBe('a');
	});

	it('has nothing to show without scores', () => {
		expect(maturityProfile(weighted, {})).toEqual({
			dimensions: { a: null, b: null, c: null },
			index: null,
			weakest: null,
			level: null,
			placement: { capability: null, legacy: null }
		});
	});
});
