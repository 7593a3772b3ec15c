import { m } from '../../paraglide/messages.js';
import { labelFont, linesWidth, scoreText, wrapLabel } from './chart-text.ts';
import { colourAt, renderChartSvg, type TChart, type TChartLang } from './render-chart-svg.ts';

export interface RadarChartInput {
	lang: TChartLang;
	/** The maturity dimensions, clockwise from the top. */
	dimensions: string[];
	/** E.g. an organisation and the regional mean: one score (0–100, null when missing) per dimension. */
	series: Array<{ name: string; values: Array<number | null> }>;
	/** The height follows from the width and the dimensions' labels. */
	width?: number;
}

const MARGIN = 10;
/** ECharts' default distance between the circle and an axis name. */
const NAME_GAP = 15;
/** Room for the legend below the circle. */
const LEGEND = 30;

/**
 * Where the circle goes and how big it is, so that every axis name (wrapped onto up to three lines within
 * a quarter of the width) fits inside the chart: names left and right of the circle limit its radius, names
 * above and below set the height. ECharts sets a name beside the end of its axis, NAME_GAP further out:
 * centred above or below on a vertical axis, otherwise vertically centred and running outwards.
 */
function radarLayout(dimensions: readonly string[], width: number) {
	const names = dimensions.map((d) => wrapLabel(d, Math.round(width * 0.25)));
	const angles = dimensions.map((_, i) => Math.PI / 2 - (i * 2 * Math.PI) / Math.max(dimensions.length, 1));
	const vertical = (angle: number) => Math.abs(Math.cos(angle)) < 1e-4;
	let radius = Math.round(width * 0.3);
	names.forEach((lines, i) => {
		const cos = Math.abs(Math.cos(angles[i] ?? 0));
		if (cos < 1e-4) return;
		radius = Math.min(radius, (width / 2 - MARGIN - linesWidth(lines)) / cos - NAME_GAP);
	});
	radius = Math.max(Math.floor(radius), 40);
	let above = radius;
	let below = radius;
	names.forEach((lines, i) => {
		const angle = angles[i] ?? 0;
		const rise = (radius + NAME_GAP) * Math.sin(angle);
		const tall = lines.length * labelFont.lineHeight;
		const [up, down] = vertical(angle) ? (rise > 0 ? [tall, 0] : [0, tall]) : [tall / 2, tall / 2];
		above = Math.max(above, rise + up);
		below = Math.max(below, -rise + down);
	});
	const top = MARGIN + Math.ceil(above);
	return {
		names,
		radius,
		center: [Math.round(width / 2), top],
		height: top + Math.ceil(below) + MARGIN + LEGEND
	};
}

const lineType = (g: number) => (g === 0 ? 'solid' : 'dashed');

/**
 * A series with missing scores as lines and markers of its own: a line joins two neighbouring dimensions
 * only when both have a score, so a missing score leaves a gap instead of a point at the centre; no area
 * is filled. Points are placed as ECharts places them (clockwise from the top, 0 at the centre and 100 on
 * the outer ring).
 */
function missingGaps(values: Array<number | null>, layout: { center: number[]; radius: number }, g: number) {
	const [cx = 0, cy = 0] = layout.center;
	const point = (v: number, i: number): [number, number] => {
		const angle = Math.PI / 2 - (i * 2 * Math.PI) / values.length;
		const r = (layout.radius * Math.min(Math.max(v, 0), 100)) / 100;
		return [cx + r * Math.cos(angle), cy - r * Math.sin(angle)];
	};
	const colour = colourAt(g);
	const elements: object[] = [];
	values.forEach((v, i) => {
		if (v === null) return;
		const j = (i + 1) % values.length;
		const next = values[j];
		if (next !== null && next !== undefined && j !== i) {
			elements.push({
				type: 'polyline',
				silent: true,
				z: 3,
				shape: { points: [point(v, i), point(next, j)] },
				style: {
					stroke: colour,
					lineWidth: 2,
					fill: null,
					lineDash: lineType(g) === 'dashed' ? [6, 4] : null
				}
			});
		}
		const [x, y] = point(v, i);
		elements.push({
			type: 'circle',
			silent: true,
			z: 4,
			shape: { cx: x, cy: y, r: 3 },
			style: { fill: colour }
		});
	});
	return elements;
}

/** Dimension scores (0–100) of an organisation against the regional mean. */
export function radarChart(input: RadarChartInput): TChart {
	const { lang, dimensions, series, width = 520 } = input;
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
	const layout = radarLayout(dimensions, width);
	// ECharts draws a missing value ('-') at the centre, where it reads as 0. A series with a missing value
	// is therefore drawn here instead (gaps, see missingGaps), and its radar entry is kept invisible for the
	// legend.
	const gapped = series.map((s) => dimensions.some((_, i) => value(s, i) === null));
	const svg = renderChartSvg(
		{
			legend: { bottom: 4, left: 'center', itemWidth: 14, itemHeight: 14, textStyle: { fontSize: 13 } },
			radar: {
				center: layout.center,
				radius: layout.radius,
				clockwise: true,
				axisNameGap: NAME_GAP,
				indicator: layout.names.map((lines) => ({ name: lines.join('\n'), min: 0, max: 100 })),
				axisName: { color: '#1a1a1a', fontSize: labelFont.size, lineHeight: labelFont.lineHeight },
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
						...(gapped[g] ? { symbol: 'none' } : {}),
						lineStyle: {
							color: colourAt(g),
							width: 2,
							type: lineType(g),
							opacity: gapped[g] ? 0 : 1
						},
						itemStyle: { color: colourAt(g) },
						areaStyle: g === 0 && !gapped[g] ? { color: colourAt(g), opacity: 0.15 } : undefined
					}))
				}
			],
			graphic: series.flatMap((s, g) =>
				gapped[g]
					? missingGaps(
							dimensions.map((_, i) => value(s, i)),
							layout,
							g
						)
					: []
			)
		},
		{ width, height: layout.height },
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
