import { describe, expect, it } from 'vitest';
import type { TMaturityProfile } from '../maturity/maturity-profile.ts';
import type { TWaveMaturity } from '../maturity/wave-maturity.ts';
import type { TWaveResults } from '../results/wave-results-schema.ts';
import { formatScore } from '../statistics/format-number.ts';
import { builtInTemplate } from '../testing/questionnaires.ts';
import type { TReportBlock, TReportTable } from './document.ts';
import { maturityBlocks } from './maturity-blocks.ts';
import type { TReportChart, TReportInputs, TReportRadarInput } from './report-inputs.ts';

const profile = (strategi: number, kultur: number | null, index: number): TMaturityProfile => ({
	dimensions: { strategi, kultur },
	index,
	weakest: kultur === null || strategi < kultur ? 'strategi' : 'kultur',
	level: index <= 33 ? 'lag' : index <= 66 ? 'medel' : 'hog',
	placement: null
});

// A wave of k = 5 with three municipalities: Luleå and Piteå shown, Kiruna (2 respondents) hidden.
function maturity(shown: number): TWaveMaturity {
	const organisations = [
		{ id: 'a', code: '2580', name: 'Luleå', respondents: 8, hidden: false, profile: profile(75, 50, 62.5) },
		{ id: 'b', code: '2581', name: 'Piteå', respondents: 6, hidden: false, profile: profile(40, 20, 30) },
		{ id: 'c', code: '2584', name: 'Kiruna', respondents: 2, hidden: true, profile: null }
	];
	return {
		minGroupSize: 5,
		dimensions: [
			{ code: 'strategi', label: { sv: 'Strategi', en: 'Strategy' }, weight: 1, legacy: false },
			{ code: 'kultur', label: { sv: 'Kultur', en: 'Culture' }, weight: 1, legacy: false }
		],
		levels: [
			{
				code: 'lag',
				label: { sv: 'Låg', en: 'Low' },
				min: 0,
				max: 33,
				description: { sv: 'Digitaliseringen har inte börjat', en: 'Digitalisation has not begun' }
			},
			{ code: 'medel', label: { sv: 'Medel', en: 'Medium' }, min: 34, max: 66 },
			{
				code: 'hog',
				label: { sv: 'Hög', en: 'High' },
				min: 67,
				max: 100,
				description: { sv: 'Digitaliseringen driver verksamheten' }
			}
		],
		respondents: 16,
		region: {
			pooled: profile(60.25, 37.5, 48.9),
			organisationMean: { ...profile(57.5, 35, 46.3), organisations: shown },
			respondentLevels: null
		},
		organisations: organisations.slice(0, shown).concat(organisations.slice(2))
	};
}

const results: TWaveResults = {
	wave: {
		slug: 'v',
		name: 'Våren 2020',
		period: null,
		status: 'closed',
		questionnaire: { code: 'q', version: 1 },
		minGroupSize: 5
	},
	filters: { organisation: null, roleGroup: null, includePartial: false, by: null },
	responses: { complete: 16, partial: 0 },
	organisations: { invited: 3, responded: 3 },
	questions: []
};

// The radar chart as the section sees it (server/charts/radar-chart.ts draws it; charts.test.ts checks its
// text alternative): what it was asked to draw as the SVG, and its data table, each score formatted as the
// chart formats it.
const radar = (input: TReportRadarInput): TReportChart => ({
	svg: JSON.stringify(input),
	alt: `Radar: ${input.series.map((s) => s.name).join(', ')}`,
	table: {
		columns: ['Dimension', ...input.series.map((s) => s.name)],
		rows: input.dimensions.map((d, i) => [
			d,
			...input.series.map((s) => formatScore(s.values[i] ?? null, input.lang))
		])
	}
});
const drawn = (figure: { svg: string }): TReportRadarInput => JSON.parse(figure.svg);

function inputs(lang: 'sv' | 'en', organisation: string | null = null): TReportInputs {
	return {
		lang,
		locale: { locale: lang },
		k: 5,
		questionnaire: builtInTemplate(),
		region: results,
		own: organisation ? results : null,
		organisation: organisation ? { name: organisation } : null,
		regionName: 'Region Norrbotten',
		maturity: null,
		roles: [],
		titles: [],
		quotes: [],
		chart: () => null,
		radar
	};
}

function tableCaptioned(blocks: TReportBlock[], caption: string): TReportTable {
	const found = blocks.find((b) => b.kind === 'table' && b.caption === caption);
	if (found?.kind !== 'table') throw new Error(`no table ${caption}`);
	return found.table;
}

function figureOf(blocks: TReportBlock[]) {
	const found = blocks.find((b) => b.kind === 'figure');
	if (found?.kind !== 'figure') throw new Error('no figure');
	return found;
}

describe('the maturity section of a report', () => {
	it('explains each level by its range of the index and, where the questionnaire gives one, its description', () => {
		const blocks = maturityBlocks(inputs('sv'), maturity(2), null);
		expect(tableCaptioned(blocks, 'Mognadsnivåer efter index')).toEqual({
			head: ['Nivå', 'Index', 'Beskrivning'],
			rows: [
				['Låg', '0–33', 'Digitaliseringen har inte börjat'],
				['Medel', '34–66', ''],
				['Hög', '67–100', 'Digitaliseringen driver verksamheten']
			],
			numeric: [false, true, false]
		});
		// In English, a description given only in Swedish is shown in Swedish.
		expect(
			tableCaptioned(maturityBlocks(inputs('en'), maturity(2), null), 'Maturity levels by index')
		).toEqual({
			head: ['Level', 'Index', 'Description'],
			rows: [
				['Low', '0–33', 'Digitalisation has not begun'],
				['Medium', '34–66', ''],
				['High', '67–100', 'Digitaliseringen driver verksamheten']
			],
			numeric: [false, true, false]
		});
	});

	it('draws the region pooled and the mean of the shown organisations, never an organisation on its own', () => {
		const blocks = maturityBlocks(inputs('sv'), maturity(2), null);
		const figure = figureOf(blocks);
		expect(figure.caption).toBe('Mognadsprofil per dimension (0–100)');
		expect(drawn(figure)).toEqual({
			lang: 'sv',
			dimensions: ['Strategi', 'Kultur'],
			series: [
				{ name: 'Region Norrbotten (alla svarande)', values: [60.25, 37.5] },
				{ name: 'Medel av organisationerna', values: [57.5, 35] }
			]
		});
		expect(figure.alt).toBe('Radar: Region Norrbotten (alla svarande), Medel av organisationerna');
		expect(figure.table).toEqual({
			head: ['Dimension', 'Region Norrbotten (alla svarande)', 'Medel av organisationerna'],
			rows: [
				['Strategi', '60,3', '57,5'],
				['Kultur', '37,5', '35']
			],
			numeric: [false, true, true]
		});
		// The same figures as the first columns of the dimensions' table, which follows the chart.
		const dimensions = tableCaptioned(blocks, 'Digital mognad per dimension (0–100)');
		expect(blocks[blocks.indexOf(figure) + 1]).toMatchObject({ kind: 'table', table: dimensions });
		expect(dimensions.rows.map((r) => r.slice(0, 3))).toEqual(figure.table.rows);
		expect(dimensions.head).toEqual([...figure.table.head, 'Luleå', 'Piteå']);
		for (const name of ['Luleå', 'Piteå', 'Kiruna']) expect(figure.svg).not.toContain(name);
	});

	it('draws no mean of organisations when only one organisation is shown (it would be that one)', () => {
		const figure = figureOf(maturityBlocks(inputs('sv'), maturity(1), null));
		expect(figure.table.head).toEqual(['Dimension', 'Region Norrbotten (alla svarande)']);
	});

	it("draws an organisation's own profile against the region in its own report", () => {
		const own = {
			...maturity(2),
			respondents: 8,
			region: { ...maturity(2).region, pooled: profile(75, 50, 62.5) }
		};
		const figure = figureOf(maturityBlocks(inputs('en', 'Luleå'), maturity(2), own));
		expect(figure.caption).toBe('Maturity profile by dimension (0–100)');
		expect(figure.table.rows).toEqual([
			['Strategy', '75', '60.3'],
			['Culture', '50', '37.5']
		]);
		expect(figure.table.head).toEqual(['Dimension', 'Luleå', 'Region Norrbotten (all respondents)']);
		expect(drawn(figure).series).toEqual([
			{ name: 'Luleå', values: [75, 50] },
			{ name: 'Region Norrbotten (all respondents)', values: [60.25, 37.5] }
		]);
	});

	it('draws no chart when the region has too few respondents for a profile', () => {
		const small = maturity(0);
		const blocks = maturityBlocks(
			inputs('sv'),
			{ ...small, region: { ...small.region, pooled: null } },
			null
		);
		expect(blocks.some((b) => b.kind === 'figure')).toBe(false);
		expect(tableCaptioned(blocks, 'Digital mognad per dimension (0–100)').head).toEqual([
			'Dimension',
			'Region Norrbotten (alla svarande)'
		]);
	});
});
