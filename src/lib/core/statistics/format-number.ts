import { MEAN_DECIMALS, PERCENT_DECIMALS, roundHalfUp } from './round-half-up.ts';

// The one number format of every output a person reads (pages, report, charts): Swedish `70 %`, `8,5`,
// `1 234`; English `70%`, `8.5`, `1,234`. Percents have one decimal (whole in running text such as the
// report's key figures and in response rates), means one, counts none; a missing figure is "–".

export type TNumberLocale = 'sv' | 'en';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: TNumberLocale, decimals: number): Intl.NumberFormat {
	const key = `${locale}:${decimals}`;
	let format = formatters.get(key);
	if (!format) {
		// sv-SE: decimal comma, a non-breaking space between thousands and the minus sign U+2212.
		format = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
			minimumFractionDigits: 0,
			maximumFractionDigits: decimals,
			useGrouping: true
		});
		formatters.set(key, format);
	}
	return format;
}

/**
 * A number as text: rounded half away from zero to at most `decimals` places (trailing zeros dropped,
 * as in the seed's "8,5"), Swedish `1 234,5` or English `1,234.5`.
 */
export function formatNumber(value: number, locale: TNumberLocale, decimals: number): string {
	return formatter(locale, decimals).format(roundHalfUp(value, decimals));
}

/** A percent (0–100, not a proportion) with one decimal at most: Swedish `47,1 %` (non-breaking space), English `47.1%`. */
export function formatPercent(percent: number, locale: TNumberLocale, decimals = PERCENT_DECIMALS): string {
	const number = formatNumber(percent, locale, decimals);
	return locale === 'sv' ? `${number}\u00a0%` : `${number}%`;
}

/** A mean, median or standard deviation with one decimal at most (`8,5`); "–" when there is none. */
export function formatMean(mean: number | null, locale: TNumberLocale): string {
	return mean === null ? '–' : formatNumber(mean, locale, MEAN_DECIMALS);
}

/** A maturity score (0–100) with one decimal at most, as the engine rounds it; "–" when it is missing. */
export function formatScore(score: number | null, locale: TNumberLocale): string {
	return score === null ? '–' : formatNumber(score, locale, 1);
}

/** A count, whole (`1 234`); "–" when there is none. */
export function formatCount(count: number | null, locale: TNumberLocale): string {
	return count === null ? '–' : formatNumber(count, locale, 0);
}

/** A percent with one decimal at most; "–" when there is none (no base). */
export function formatPercentOrDash(percent: number | null, locale: TNumberLocale): string {
	return percent === null ? '–' : formatPercent(percent, locale);
}

/** A response rate, a whole percent (`70 %`); "–" when there is none. */
export function formatRate(rate: number | null, locale: TNumberLocale): string {
	return rate === null ? '–' : formatPercent(rate, locale, 0);
}
