import { m } from '../../paraglide/messages.js';
import { scoreText } from './chart-text.ts';
import { colourAt, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface RadarChartInput {
	lang: TChartLang;
	/** The maturity dimensions, clockwise from the top. */
	dimensions: string[];
	/** E.g. an organisation and the regional mean: one score (0–100, null when missing) per dimension. */
	series: Array<{ name: string; values: Array<number | null> }>;
	width?: number;
	height?: number;
}

/** Dimension scores (0–100) of an organisation against the regional mean. */
export function radarChart(input: RadarChartInput): TChart {
	const { lang, dimensions, series, width = 520, height = 400 } = input;
	const locale = { locale: lang };
	const value = (s: RadarChartInput['series'][number], i: number) => {
		const v = s.values[i];
		return v === null || v === undefined ? null : v;
	};
	const spoken = (v: number | null) => (v === null ? m.charts_missing({}, locale) : scoreText(v, lang));
	const described = dimensions
		.map((d, i) => `${d}: ${series.map((s) => `${s.name} ${spoken(value(s, i))}`).join(', ')}`)
		.join('; ');
	const alt = `${m.charts_radar({}, locale)}: ${described || m.charts_no_data({}, locale)}`;
	const svg = renderChartSvg(
		{
			legend: { bottom: 4, left: 'center', itemWidth: 14, itemHeight: 14, textStyle: { fontSize: 13 } },
			radar: {
				center: ['50%', '50%'],
				radius: '62%',
				indicator: dimensions.map((name) => ({ name, min: 0, max: 100 })),
				axisName: { color: '#1a1a1a', fontSize: 13 },
				splitNumber: 4
			},
			series: [
				{
					type: 'radar',
					silent: true,
					symbolSize: 6,
					data: series.map((s, g) => ({
						name: s.name,
						value: dimensions.map((_, i) => value(s, i) ?? '-'),
						lineStyle: { color: colourAt(g), width: 2, type: g === 0 ? 'solid' : 'dashed' },
						itemStyle: { color: colourAt(g) },
						areaStyle: g === 0 ? { color: colourAt(g), opacity: 0.15 } : undefined
					}))
				}
			]
		},
		{ width, height },
		alt
	);
	return {
		svg,
		alt,
		table: {
			columns: [m.charts_dimension({}, locale), ...series.map((s) => s.name)],
			rows: dimensions.map((d, i) => [d, ...series.map((s) => scoreText(value(s, i), lang))])
		}
	};
}
