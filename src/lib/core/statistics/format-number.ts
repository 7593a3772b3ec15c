import { roundHalfUp } from './round-half-up.ts';

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
export function formatNumber(value: number, locale: TNumberLocale, decimals = 2): string {
	return formatter(locale, decimals).format(roundHalfUp(value, decimals));
}

/** A percent (0–100, not a proportion) with one decimal at most: Swedish `47,1 %` (non-breaking space), English `47.1%`. */
export function formatPercent(percent: number, locale: TNumberLocale, decimals = 1): string {
	const number = formatNumber(percent, locale, decimals);
	return locale === 'sv' ? `${number}\u00a0%` : `${number}%`;
}
