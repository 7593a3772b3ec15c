import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	page,
	questionnaireFrom,
	questionOf,
	scale
} from '../testing/questionnaires.ts';
import { itemScore, itemScoreTable } from './item-score.ts';

const template = builtInTemplate();
const choice = (code: string) => ({ optionCode: code, valueNum: null });
const point = (value: number | null) => ({ optionCode: '', valueNum: value });

const scales = questionnaireFrom(
	definition(
		[
			page(
				'p',
				scale('behov', { min: 1, max: 10, dimension: 'behov' }),
				scale('hinder', { min: 1, max: 5, dimension: 'behov', reversed: true }),
				scale('utan', { min: 1, max: 5 })
			)
		],
		{ dimensions: [{ code: 'behov', label: { sv: 'Behov' } }] }
	)
);

describe('itemScore', () => {
	it('scores ja 100 and nej 0, and leaves vet ej missing', () => {
		const vision = questionOf(template, 'vision');
		expect(itemScore(vision, choice('ja'))).toBe(100);
		expect(itemScore(vision, choice('nej'))).toBe(0);
		expect(itemScore(vision, choice('vet_ej'))).toBeNull();
	});

	it('scores a reversed item the other way round (it_arv: legacy that holds back is bad)', () => {
		const itArv = questionOf(template, 'it_arv');
		expect(itemScore(itArv, choice('ja'))).toBe(0);
		expect(itemScore(itArv, choice('nej'))).toBe(100);
		expect(itemScore(itArv, choice('vet_ej'))).toBeNull();
	});

	it('places a scale point between min and max on 0–100', () => {
		const behov = questionOf(scales, 'behov');
		expect(itemScore(behov, point(1))).toBe(0);
		expect(itemScore(behov, point(10))).toBe(100);
		// (7 − 1) / (10 − 1) × 100 = 600 / 9 = 66.67
		expect(itemScore(behov, point(7))).toBeCloseTo(66.6667, 4);
		// reversed 1–5: 4 → 100 − (4 − 1) / 4 × 100 = 100 − 75 = 25
		expect(itemScore(questionOf(scales, 'hinder'), point(4))).toBe(25);
	});

	it('treats a stored scale value that is not a point of the scale as missing', () => {
		const behov = questionOf(scales, 'behov');
		expect(itemScore(behov, point(0))).toBeNull();
		expect(itemScore(behov, point(11))).toBeNull();
		expect(itemScore(behov, point(7.5))).toBeNull();
		expect(itemScore(behov, point(null))).toBeNull();
	});

	it('does not score a question outside the dimensions', () => {
		expect(itemScore(questionOf(scales, 'utan'), point(3))).toBeNull();
		expect(itemScore(questionOf(template, 'behov'), point(10))).toBeNull();
	});
});

describe('itemScoreTable', () => {
	it('lists the answers that score for the template: ja and nej of its eight items', () => {
		const rows = itemScoreTable(template.sections.flatMap((s) => s.questions));
		expect(rows).toHaveLength(16);
		expect(rows.filter((r) => r.questionCode === 'it_arv')).toEqual([
			{ questionCode: 'it_arv', optionCode: 'ja', valueNum: null, score: 0, dimension: 'digitalt_arv' },
			{ questionCode: 'it_arv', optionCode: 'nej', valueNum: null, score: 100, dimension: 'digitalt_arv' }
		]);
	});

	it('lists every point of a scale, with its score', () => {
		const rows = itemScoreTable([questionOf(scales, 'hinder')]);
		expect(rows.map((r) => [r.valueNum, r.score])).toEqual([
			[1, 100],
			[2, 75],
			[3, 50],
			[4, 25],
			[5, 0]
		]);
		expect(rows.every((r) => r.optionCode === '' && r.dimension === 'behov')).toBe(true);
	});
});
