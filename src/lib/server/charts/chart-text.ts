import { format } from 'echarts/core';
import { formatNumber, formatPercent, formatScore } from '../../core/statistics/format-number.ts';
import { percentOf } from '../../core/statistics/round-half-up.ts';
import { m } from '../../paraglide/messages.js';
import { fontFamily, type TChartLang, type TChartTable } from './render-chart-svg.ts';

/** Category labels (bars, radar axes): their size and line height in pixels, and the most lines they wrap onto. */
export const labelFont = { size: 13, lineHeight: 16, maxLines: 3 } as const;

/**
 * The width of one line of chart text in pixels, measured as ECharts measures it when it lays a chart out
 * on the server (Arial's metrics; a character it has no metrics for counts as one em, never too little).
 */
export const textWidth = (text: string, fontSize: number = labelFont.size): number =>
	format.getTextRect(text, `${fontSize}px ${fontFamily}`).width;

/** The width of the widest of the lines. */
export const linesWidth = (lines: readonly string[], fontSize: number = labelFont.size): number =>
	Math.max(0, ...lines.map((line) => textWidth(line, fontSize)));

/**
 * A category label broken into lines no wider than `maxWidth` pixels, between words (a word wider than
 * a line is broken after a "/" or "-" in it where it can be, else where the line is full), so that it is
 * never cut. Only a label that would need more than `maxLines` lines is shortened: its last line ends in
 * "…". The chart's text alternative and table always carry the whole label.
 */
export function wrapLabel(
	text: string,
	maxWidth: number,
	maxLines: number = labelFont.maxLines,
	fontSize: number = labelFont.size
): string[] {
	const fits = (line: string) => textWidth(line, fontSize) <= maxWidth;
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter((w) => w !== '')) {
		// Past the last line shown, the rest only tells that the label is shortened.
		if (lines.length > maxLines) break;
		const joined = line === '' ? word : `${line} ${word}`;
		if (fits(joined)) {
			line = joined;
			continue;
		}
		if (line !== '') lines.push(line);
		let rest = word;
		while (!fits(rest) && lines.length <= maxLines) {
			const cut = breakPoint(rest, fits);
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	}
	lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1] ?? '';
	while (last !== '' && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
	kept[maxLines - 1] = `${last}…`;
	return kept;
}

/** Where to break a word too wide for a line: after its last "/" or "-" that fits, else after as much as fits (one character at least). */
function breakPoint(word: string, fits: (line: string) => boolean): number {
	let end = 1;
	while (end < word.length && fits(word.slice(0, end + 1))) end++;
	const mark = Math.max(word.lastIndexOf('/', end - 1), word.lastIndexOf('-', end - 1));
	return mark > 0 ? mark + 1 : end;
}

/** "70 %" of a count in a base n (Swedish) or "70%" (English); "–" when n is 0. */
export function percentText(count: number, n: number, lang: TChartLang): string {
	const percent = percentOf(count, n);
	return percent === null ? '–' : formatPercent(percent, lang);
}

/** The percent as a number for drawing (0 when n is 0). */
export const percentValue = (count: number, n: number): number => percentOf(count, n) ?? 0;

/** "70 % (14)" */
export const percentAndCount = (count: number, n: number, lang: TChartLang): string =>
	`${percentText(count, n, lang)} (${formatNumber(count, lang, 0)})`;

/** "n = 20" */
export const nText = (n: number, lang: TChartLang): string => `n = ${formatNumber(n, lang, 0)}`;

/** A score (0–100) with one decimal at most, or "–" when it is missing. */
export const scoreText = (value: number | null, lang: TChartLang): string => formatScore(value, lang);

/** The data table of a one-series chart: answer, count and percent of n a row, and n at the foot. */
export function distributionTable(
	items: readonly { label: string; count: number }[],
	n: number,
	lang: TChartLang,
	categoryLabel?: string
): TChartTable {
	const locale = { locale: lang };
	return {
		columns: [
			categoryLabel ?? m.charts_answer({}, locale),
			m.charts_count({}, locale),
			m.charts_percent({}, locale)
		],
		rows: items.map((i) => [i.label, formatNumber(i.count, lang, 0), percentText(i.count, n, lang)]),
		footer: ['n', formatNumber(n, lang, 0), '']
	};
}
