import { formatNumber, formatPercent } from './format-number.ts';

/**
 * A 95 % interval of percents as one range: Swedish `50,6–85,5 %`, English `50.6–85.5%`; an en dash
 * between the bounds, the unit once. "–" when there is no interval (no base).
 */
export function formatPercentInterval(
	interval: readonly [number, number] | null,
	locale: 'sv' | 'en'
): string {
	if (!interval) return '–';
	return `${formatNumber(interval[0], locale, 1)}–${formatPercent(interval[1], locale)}`;
}

/**
 * A difference in percentage points with its sign: Swedish `+12,5`, `−3` (the minus sign U+2212),
 * English `+12.5`, `-3`; "0" without a sign. "–" when there is none.
 */
export function formatSignedPoints(points: number | null, locale: 'sv' | 'en'): string {
	if (points === null) return '–';
	const text = formatNumber(points, locale, 1);
	return points > 0 && text !== '0' ? `+${text}` : text;
}
