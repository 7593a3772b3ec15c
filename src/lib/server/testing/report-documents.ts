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
