import { formatNumber, formatPercent, formatScore } from '../../core/statistics/format-number.ts';
import { percentOf } from '../../core/statistics/round-half-up.ts';
import { m } from '../../paraglide/messages.js';
import type { TChartLang, TChartTable } from './render-chart-svg.ts';

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
