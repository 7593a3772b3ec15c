import { formatNumber } from '../../core/statistics/format-number.ts';
import { m } from '../../paraglide/messages.js';
import { labelFont, percentAndCount, percentValue, wrapLabel } from './chart-text.ts';
import { colourAt, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface GroupedBarChartInput {
	lang: TChartLang;
	/** The options compared, top to bottom. */
	categories: string[];
	/** One group per wave (e.g. 2020 and 2024): a count per category (null: not asked) and the wave's base n. */
	groups: Array<{ name: string; counts: Array<number | null>; n: number }>;
	categoryLabel?: string;
	width?: number;
}

/** Bars of two or more waves side by side per option, in percent of each wave's n (change over time). */
export function groupedBarChart(input: GroupedBarChartInput): TChart {
	const { lang, categories, groups, width = 640 } = input;
	const locale = { locale: lang };
	const cell = (group: GroupedBarChartInput['groups'][number], index: number) => {
		const count = group.counts[index];
		return count === null || count === undefined ? '–' : percentAndCount(count, group.n, lang);
	};
	const described = categories
		.map((category, i) => `${category}: ${groups.map((g) => `${g.name} ${cell(g, i)}`).join(', ')}`)
		.join('; ');
	const base = groups.map((g) => `${g.name} n = ${formatNumber(g.n, lang, 0)}`).join(', ');
	const alt = `${m.charts_grouped_bar({}, locale)}: ${described || m.charts_no_data({}, locale)}; ${base}`;
	// Labels wrap onto up to three lines within 35 % of the width; each category's band holds its bars
	// and the tallest label.
	const wrapped = categories.map((c) => wrapLabel(c, Math.round(width * 0.35)));
	const lines = Math.max(1, ...wrapped.map((l) => l.length));
	const band = Math.max(14 + 18 * Math.max(groups.length, 1), lines * labelFont.lineHeight + 12);
	const height = 70 + categories.length * band;
	const svg = renderChartSvg(
		{
			legend: { top: 4, left: 'center', itemWidth: 14, itemHeight: 14, textStyle: { fontSize: 13 } },
			grid: {
				left: 8,
				right: 64,
				top: 36,
				bottom: 28,
				outerBoundsMode: 'same',
				outerBoundsContain: 'axisLabel'
			},
			xAxis: {
				type: 'value',
				min: 0,
				max: 100,
				axisLabel: {
					formatter: (value: number) => `${formatNumber(value, lang, 0)}${lang === 'sv' ? '\u00a0%' : '%'}`
				}
			},
			yAxis: {
				type: 'category',
				inverse: true,
				data: wrapped.map((l) => l.join('\n')),
				axisLabel: { interval: 0, fontSize: labelFont.size, lineHeight: labelFont.lineHeight },
				axisTick: { show: false }
			},
			series: groups.map((group, g) => ({
				type: 'bar' as const,
				name: group.name,
				barMaxWidth: 18,
				itemStyle: { color: colourAt(g) },
				data: categories.map((_, i) => {
					const count = group.counts[i];
					return count === null || count === undefined ? '-' : percentValue(count, group.n);
				}),
				label: {
					show: true,
					position: 'right' as const,
					fontSize: 12,
					formatter: (p: { dataIndex: number }) => cell(group, p.dataIndex).replace(/ \(.*\)$/, '')
				},
				silent: true
			}))
		},
		{ width, height },
		alt
	);
	return {
		svg,
		alt,
		table: {
			columns: [input.categoryLabel ?? m.charts_answer({}, locale), ...groups.map((g) => g.name)],
			rows: categories.map((category, i) => [category, ...groups.map((g) => cell(g, i))]),
			footer: ['n', ...groups.map((g) => formatNumber(g.n, lang, 0))]
		}
	};
}
