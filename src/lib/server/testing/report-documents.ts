import type { TReportDocument } from '../../core/report/document.ts';
import { largeReportFixture, reportFixture } from '../../core/testing/report-fixture.ts';
import { pieChart } from '../charts/pie-chart.ts';

// The fixture report with a real chart from the server's chart renderer, for the renderers' tests and
// benchmark: "Är behovet av digitalisering stort i er kommun?" as in the seed (16 ja, 3 nej, 1 vet ej).

function behovChart() {
	return pieChart({
		lang: 'sv',
		slices: [
			{ label: 'Ja', count: 16 },
			{ label: 'Nej', count: 3 },
			{ label: 'Vet ej', count: 1 }
		],
		n: 20
	});
}

/** The fixture report, its chart drawn by the pie chart renderer. */
export const fixtureReport = () => reportFixture(behovChart());

/** The fixture with `sections` question subsections, each with the chart, quotes and the long answer. */
export const largeFixtureReport = (sections: number) => largeReportFixture(behovChart(), sections);

/**
 * The fixture report with its chart followed by the question's distribution (count, percent and 95 %
 * interval), as the report lays out a choice question: the renderers then print one table for the chart.
 */
export function fixtureReportWithDistribution(): TReportDocument {
	const doc = fixtureReport();
	const blocks = doc.sections.flatMap((s) => s.sections).find((s) => s.number === '5.1')?.blocks;
	const at = blocks?.findIndex((b) => b.kind === 'figure') ?? -1;
	if (!blocks || at < 0) throw new Error('the fixture has no chart in 5.1');
	blocks.splice(at + 1, 0, {
		kind: 'table',
		caption: 'Svarsfördelning: Är behovet av digitalisering stort i er kommun?',
		table: {
			head: ['Svar', 'Antal', 'Andel', '95 % konfidensintervall'],
			rows: [
				['Ja', '16', '80 %', '58,4–91,9 %'],
				['Nej', '3', '15 %', '5,2–36,0 %'],
				['Vet ej', '1', '5 %', '0,9–23,6 %'],
				['n', '20', '', '']
			],
			numeric: [false, true, true, true]
		}
	});
	return doc;
}

/** The fixture report's table of contents: its numbered sections, as both formats list them. */
export const FIXTURE_CONTENTS = [
	'1 Inledning och bakgrund till enkäten',
	'2 Syfte',
	'3 Data och metod',
	'4 Kort sammanställning av läget',
	'5 Svar och kommentarer',
	'5.1 Behovet av digitalisering',
	'5.2 Digital vision eller handlingsplan',
	'6 Sammanfattning',
	'7 Slutsats'
];

/** The entries of a table of contents as `pdftotext -layout` reads its page: number, title, page. */
export function contentsEntries(text: string): Array<{ number: string; title: string; page: number }> {
	return [...text.matchAll(/^ *([\d.]+) +(.+?)[ .\u2060]+(\d+)$/gm)].map((m) => ({
		number: m[1] ?? '',
		title: m[2] ?? '',
		page: Number(m[3])
	}));
}
