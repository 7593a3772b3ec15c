import { m } from '../../paraglide/messages.js';
import { scoreText } from './chart-text.ts';
import { palette, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface ScatterChartInput {
	lang: TChartLang;
	/** Axis names, e.g. "Förmåga" and "Digitalt arv". */
	xLabel: string;
	yLabel: string;
	/** One point per organisation (only those with enough respondents), scores 0–100. */
	points: Array<{ label: string; x: number; y: number }>;
	width?: number;
	height?: number;
}

/** Organisations placed by two scores, e.g. capability against digital legacy, each point named. */
export function scatterChart(input: ScatterChartInput): TChart {
	const { lang, xLabel, yLabel, points, width = 560, height = 440 } = input;
	const locale = { locale: lang };
	const and = m.charts_and({}, locale);
	const described =
		points.length === 0
			? m.charts_no_data({}, locale)
			: points.map((p) => `${p.label} ${scoreText(p.x, lang)} ${and} ${scoreText(p.y, lang)}`).join('; ');
	const alt = `${m.charts_scatter({}, locale)} (${m.charts_axes({ x: xLabel, y: yLabel }, locale)}): ${described}`;
	const axis = (name: string, location: 'x' | 'y') => ({
		type: 'value' as const,
		min: 0,
		max: 100,
		interval: 25,
		name,
		nameLocation: 'middle' as const,
		nameGap: location === 'x' ? 28 : 40,
		nameTextStyle: { fontSize: 13, color: '#1a1a1a' },
		splitLine: { lineStyle: { color: '#dddddd' } }
	});
	const labels = points.map((p) => p.label);
	const svg = renderChartSvg(
		{
			grid: { left: 64, right: 24, top: 16, bottom: 52 },
			xAxis: axis(xLabel, 'x'),
			yAxis: axis(yLabel, 'y'),
			series: [
				{
					type: 'scatter',
					silent: true,
					symbolSize: 10,
					itemStyle: { color: palette[0] },
					data: points.map((p) => [p.x, p.y]),
					label: {
						show: true,
						position: 'right',
						fontSize: 12,
						formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? ''
					},
					labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' }
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
			columns: [m.charts_organisation({}, locale), xLabel, yLabel],
			rows: points.map((p) => [p.label, scoreText(p.x, lang), scoreText(p.y, lang)])
		}
	};
}
