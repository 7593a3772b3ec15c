import { describe, expect, it } from 'vitest';
import { buildDisclosureBlocks, isViewShown } from '../disclosure/disclosure-blocks.ts';
import { definition, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { aggregateMaturity, type TMaturityRule, type TOrganisationScoreSums } from './aggregate-maturity.ts';
import { maturityModel } from './maturity-model.ts';

// Capability dimensions a (weight 2) and b (weight 1); c is legacy (its one item is reversed).
const model = maturityModel(
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

const sums = (a: [number, number], b: [number, number], c: [number, number]) => ({
	a: { sum: a[0], count: a[1] },
	b: { sum: b[0], count: b[1] },
	c: { sum: c[0], count: c[1] }
});

// Means: X a 80, b 50, c 50 · Y a 20, b 100, c 0 · Z (one respondent) a 100, b 0, c 100 · W a 70, b 50, c 50.
const region: TOrganisationScoreSums<string>[] = [
	{ organisation: 'X', respondents: 6, dimensions: sums([400, 5], [300, 6], [200, 4]) },
	{ organisation: 'Y', respondents: 5, dimensions: sums([100, 5], [500, 5], [0, 5]) },
	{ organisation: 'Z', respondents: 1, dimensions: sums([100, 1], [0, 1], [100, 1]) },
	{ organisation: 'W', respondents: 8, dimensions: sums([560, 8], [400, 8], [300, 6]) }
];

// The small-group rule for organisations side by side (each a unit of its own below the region).
function ruleOf(
	organisations: Array<{ organisation: string; respondents: number }>,
	k: number,
	unplaced = 0
) {
	const blocks = buildDisclosureBlocks(
		organisations.map((o) => ({ id: o.organisation, parent: null })),
		[
			...organisations.map((o) => ({ unit: o.organisation, role: null, count: o.respondents })),
			{ unit: null, role: null, count: unplaced }
		],
		k
	);
	return {
		pooled: isViewShown(blocks, () => true),
		organisation: (key: string) => isViewShown(blocks, (c) => c.unit === key)
	} satisfies TMaturityRule<string>;
}

describe('aggregateMaturity', () => {
	const result = aggregateMaturity(model, region, ruleOf(region, 5));

	it('hides the organisation with one respondent and, as it is the only one, the next smallest too', () => {
		expect(result.organisations.map((o) => [o.organisation, o.respondents, o.hidden])).toEqual([
			['X', 6, false],
			['Y', 5, true],
			['Z', 1, true],
			['W', 8, false]
		]);
		expect(result.organisations.filter((o) => o.hidden).every((o) => o.profile === null)).toBe(true);
	});

	it("gives a shown organisation's profile from the means over its respondents", () => {
		// X: index (2 × 80 + 50 + 50) / 4 = 65; capability (2 × 80 + 50) / 3 = 70
		expect(result.organisations[0]?.profile).toEqual({
			dimensions: { a: 80, b: 50, c: 50 },
			index: 65,
			weakest: 'b',
			level: 'medel',
			placement: { capability: 70, legacy: 50 }
		});
		// W: index (2 × 70 + 50 + 50) / 4 = 60; capability (140 + 50) / 3 = 63.33
		expect(result.organisations[3]?.profile?.placement).toEqual({ capability: 63.3, legacy: 50 });
	});

	it('pools the region over every respondent, those of hidden organisations included', () => {
		// a 1160 / 19 = 61.053; b 1200 / 20 = 60; c 600 / 16 = 37.5
		// index (2 × 61.053 + 60 + 37.5) / 4 = 219.605 / 4 = 54.90; capability (122.105 + 60) / 3 = 60.70
		expect(result.respondents).toBe(20);
		expect(result.pooled).toEqual({
			dimensions: { a: 61.1, b: 60, c: 37.5 },
			index: 54.9,
			weakest: 'c',
			level: 'medel',
			placement: { capability: 60.7, legacy: 37.5 }
		});
	});

	it('averages the shown organisations once each for the mean of organisations', () => {
		// X and W: a (80 + 70) / 2 = 75, b 50, c 50; index (150 + 50 + 50) / 4 = 62.5; capability 200 / 3
		expect(result.organisationMean).toEqual({
			organisations: 2,
			dimensions: { a: 75, b: 50, c: 50 },
			index: 62.5,
			weakest: 'b',
			level: 'medel',
			placement: { capability: 66.7, legacy: 50 }
		});
	});

	it('shows no regional figures when the whole selection has fewer than k respondents', () => {
		const only = [{ organisation: 'Z', respondents: 3, dimensions: sums([300, 3], [0, 3], [100, 3]) }];
		const small = aggregateMaturity(model, only, ruleOf(only, 5));
		expect(small.respondents).toBe(3);
		expect(small.pooled).toBeNull();
		expect(small.organisations[0]).toMatchObject({ hidden: true, profile: null });
		expect(small.organisationMean).toMatchObject({ organisations: 0, index: null });
	});

	it('gives an organisation whose respondents only answered vet ej no scores, yet counts its respondents', () => {
		const two = [
			{ organisation: 'V', respondents: 5, dimensions: {} },
			{ organisation: 'X', respondents: 6, dimensions: sums([400, 5], [300, 6], [200, 4]) }
		];
		const result = aggregateMaturity(model, two, ruleOf(two, 5));
		expect(result.organisations[0]).toMatchObject({ hidden: false, respondents: 5 });
		expect(result.organisations[0]?.profile).toMatchObject({ index: null, weakest: null, level: null });
		// The pooled means are X's alone, and the mean of organisations has only X's scores.
		expect(result.pooled?.dimensions).toEqual({ a: 80, b: 50, c: 50 });
		expect(result.organisationMean.dimensions).toEqual({ a: 80, b: 50, c: 50 });
	});

	it('pools respondents without a known organisation but shows them as no organisation', () => {
		const withUnplaced = aggregateMaturity(model, region, ruleOf(region, 5, 2), {
			respondents: 2,
			dimensions: sums([0, 2], [200, 2], [0, 0])
		});
		// a 1160 / 21 = 55.24; b 1400 / 22 = 63.64; c unchanged 37.5
		expect(withUnplaced.respondents).toBe(22);
		expect(withUnplaced.pooled?.dimensions).toEqual({ a: 55.2, b: 63.6, c: 37.5 });
		expect(withUnplaced.organisations).toHaveLength(4);
		expect(withUnplaced.organisationMean).toEqual(result.organisationMean);
	});

	it('has nothing to show without organisations', () => {
		const empty = aggregateMaturity(model, [], ruleOf([], 5));
		expect(empty).toMatchObject({ respondents: 0, pooled: null, organisations: [] });
		expect(empty.organisationMean.index).toBeNull();
	});
});
