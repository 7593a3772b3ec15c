import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/**
 * How wide a chart is shown, in pixels at 96 to the inch: 80 % of the text width (16.2 cm), as the PDF
 * shows it, so that the two formats lay out alike (13 cm).
 */
const CHART_WIDTH = 490;

/**
 * The fonts a chart's text is drawn with: Liberation Sans has Arial's metrics, which the chart SVGs are laid
 * out for; DejaVu Sans draws what it lacks. Loading only these, rather than every system font, makes a
 * chart's PNG a matter of milliseconds. Without them, the system fonts are used.
 */
const CHART_FONTS = [
	'/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
	'/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
	'/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
	'/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
].filter((file) => existsSync(file));

export type TChartPng = { png: Uint8Array; width: number; height: number };

/** The chart as a PNG at twice its size (sharp when printed), and the size to show it at, in pixels. */
export function chartPng(svg: string): TChartPng {
	const rendered = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: 2 },
		font:
			CHART_FONTS.length > 0
				? { loadSystemFonts: false, fontFiles: CHART_FONTS, defaultFontFamily: 'Liberation Sans' }
				: { loadSystemFonts: true }
	}).render();
	const width = CHART_WIDTH;
	const height = Math.round((rendered.height / rendered.width) * width);
	return { png: rendered.asPng(), width, height };
}
