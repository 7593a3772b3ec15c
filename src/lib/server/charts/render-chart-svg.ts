import { BarChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
	PieChart,
	BarChart,
	RadarChart,
	ScatterChart,
	GraphicComponent,
	GridComponent,
	LegendComponent,
	RadarComponent,
	SVGRenderer
]);

export type TChartLang = 'sv' | 'en';

/** The data behind a chart, as formatted text, for a table beside it (and for screen readers). */
export interface TChartTable {
	columns: string[];
	rows: string[][];
	/** A closing row (e.g. the base n), shown as the table's footer. */
	footer?: string[];
}

/** A rendered chart: the SVG, one sentence that says what it shows, and its data as a table. */
export interface TChart {
	svg: string;
	alt: string;
	table: TChartTable;
}

export type TChartOption = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** Okabe–Ito: eight colours that stay distinguishable with the common colour-vision deficiencies. */
export const palette = [
	'#0072B2',
	'#E69F00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#D55E00',
	'#F0E442',
	'#000000'
];

export const colourAt = (index: number): string => palette[index % palette.length] ?? '#000000';

// Arial's metrics are what ECharts assumes when it measures text without a browser; Liberation Sans has the same.
export const fontFamily = 'Arial, Liberation Sans, Helvetica, sans-serif';
export const textColour = '#1a1a1a';

/**
 * Renders an ECharts option to a static SVG on the server (no animation, no DOM) and makes it fit for a
 * page under a strict Content Security Policy: the inline `<style>` (hover effects, useless without
 * script) is dropped and `style` attributes become presentation attributes. The SVG gets `role="img"`,
 * an `aria-label` and a `<title>` with the text alternative. ECharts escapes the text it draws.
 */
export function renderChartSvg(
	option: TChartOption,
	size: { width: number; height: number },
	alt: string
): string {
	const chart = echarts.init(null, null, {
		renderer: 'svg',
		ssr: true,
		width: size.width,
		height: size.height
	});
	try {
		chart.setOption({
			animation: false,
			textStyle: { fontFamily, color: textColour },
			color: palette,
			...option
		});
		const svg = chart.renderToSVGString();
		return makeAccessible(stripInteractivity(svg), alt);
	} finally {
		chart.dispose();
	}
}

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function stripInteractivity(svg: string): string {
	return svg
		.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
		.replace(/ (?:class="zr\d+-cls-\d+"|ecmeta_[a-z_]+="[^"]*"|pointer-events="[^"]*")/g, '')
		.replace(/ style="([^"]*)"/g, (_, style: string) =>
			style
				.split(';')
				.map((declaration) => declaration.split(':'))
				.filter(
					(pair): pair is [string, string] => pair.length === 2 && /^[a-z-]+$/.test(pair[0]?.trim() ?? '')
				)
				.map(([name, value]) => ` ${name.trim()}="${value.trim().replace(/"/g, '&quot;')}"`)
				.join('')
		);
}

function makeAccessible(svg: string, alt: string): string {
	const label = escapeXml(alt);
	return svg.replace(/^<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${label}"><title>${label}</title>`);
}
