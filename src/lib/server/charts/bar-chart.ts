import { formatNumber } from '../../core/statistics/format-number.ts';
import { m } from '../../paraglide/messages.js';
import {
	distributionTable,
	labelFont,
	nText,
	percentAndCount,
	percentText,
	percentValue,
	wrapLabel
} from './chart-text.ts';
import { palette, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface BarChartInput {
	lang: TChartLang;
	/** One bar per option, theme or scale value, drawn top to bottom in this order. */
	bars: Array<{ label: string; count: number }>;
	/** The base the percents are of: respondents for a question (multi-choice percents sum past 100 %), answers for themes. */
	n: number;
	/** Draw the percent of n (options, scale values) or the count (themes). */
	measure: 'percent' | 'count';
	/** Heading of the table's first column ("Svar", "Tema"). */
	categoryLabel?: string;
	width?: number;
}

/** Horizontal bars: options of a question, multi-choice percents of respondents, theme counts, a scale's distribution. */
export function barChart(input: BarChartInput): TChart {
	const { lang, bars, n, measure, width = 640 } = input;
	const locale = { locale: lang };
	const valueText = (count: number) =>
		measure === 'percent' ? percentText(count, n, lang) : formatNumber(count, lang, 0);
	const described =
		n === 0 || bars.length === 0
			? m.charts_no_data({}, locale)
			: bars
					.map(
						(b) =>
							`${b.label} ${measure === 'percent' ? percentAndCount(b.count, n, lang) : valueText(b.count)}`
					)
					.join(', ');
	const alt = `${m.charts_bar({}, locale)}: ${described}, ${nText(n, lang)}`;
	// Labels wrap onto up to three lines within 40 % of the width (the column is as wide as its widest
	// line); each bar's band grows to hold the tallest label.
	const wrapped = bars.map((b) => wrapLabel(b.label, Math.round(width * 0.4)));
	const lines = Math.max(1, ...wrapped.map((l) => l.length));
	const band = Math.max(34, lines * labelFont.lineHeight + 12);
	const height = 40 + band * Math.max(bars.length, 1);
	const labels = bars.map((b) => valueText(b.count));
	const svg = renderChartSvg(
		{
			grid: {
				left: 8,
				right: 64,
				top: 8,
				bottom: 28,
				outerBoundsMode: 'same',
				outerBoundsContain: 'axisLabel'
			},
			xAxis: {
				type: 'value',
				min: 0,
				max: measure === 'percent' ? 100 : undefined,
				minInterval: 1,
				axisLabel: {
					formatter: (value: number) =>
						measure === 'percent' ? percentText(value, 100, lang) : formatNumber(value, lang, 0)
				}
			},
			yAxis: {
				type: 'category',
				inverse: true,
				data: wrapped.map((l) => l.join('\n')),
				axisLabel: { interval: 0, fontSize: labelFont.size, lineHeight: labelFont.lineHeight },
				axisTick: { show: false }
			},
			series: [
				{
					type: 'bar',
					barMaxWidth: 22,
					data: bars.map((b) => (measure === 'percent' ? percentValue(b.count, n) : b.count)),
					itemStyle: { color: palette[0] },
					label: {
						show: true,
						position: 'right',
						fontSize: 13,
						formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? ''
					},
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
		table: distributionTable(bars, n, lang, input.categoryLabel)
	};
}
