import { m } from '../../paraglide/messages.js';
import { distributionTable, nText, percentAndCount, percentText, percentValue } from './chart-text.ts';
import { colourAt, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface PieChartInput {
	lang: TChartLang;
	/** One slice per option, in the questionnaire's order; slices with no answers are not drawn. */
	slices: Array<{ label: string; count: number }>;
	/** The question's base n (for a single-choice question, the sum of the counts). */
	n: number;
	/** Heading of the table's first column ("Svar"). */
	categoryLabel?: string;
	width?: number;
	height?: number;
}

/** A pie chart of a single-choice question (Ja / Nej / Vet ej), each slice labelled with its percent. */
export function pieChart(input: PieChartInput): TChart {
	const { lang, slices, n, width = 480, height = 300 } = input;
	const locale = { locale: lang };
	const described =
		n === 0
			? m.charts_no_data({}, locale)
			: slices.map((s) => `${s.label} ${percentAndCount(s.count, n, lang)}`).join(', ');
	const alt = `${m.charts_pie({}, locale)}: ${described}, ${nText(n, lang)}`;
	const drawn = slices
		.map((slice, index) => ({ slice, colour: colourAt(index), value: percentValue(slice.count, n) }))
		.filter((d) => d.value > 0);
	const labels = drawn.map((d) => `${d.slice.label}\n${percentText(d.slice.count, n, lang)}`);
	const svg = renderChartSvg(
		{
			series: [
				{
					type: 'pie',
					radius: '60%',
					center: ['50%', '52%'],
					data: drawn.map((d) => ({ name: d.slice.label, value: d.value, itemStyle: { color: d.colour } })),
					label: { fontSize: 13, formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '' },
					itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
					silent: true
				}
			]
		},
		{ width, height },
		alt
	);
	return {
		svg,
		alt,
		table: distributionTable(slices, n, lang, input.categoryLabel)
	};
}
