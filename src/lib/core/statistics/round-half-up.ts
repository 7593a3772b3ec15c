/**
 * Rounds half away from zero on the number's shortest decimal form, the way people round on paper:
 * 0.15 → 0.2 and 2.675 → 2.68 (the nearest doubles lie just below, so Math.round(x × 10) / 10 and
 * toFixed give 0.1 and 2.67), −0.15 → −0.2. Numbers whose decimal form is longer than the double can
 * hold exactly (e.g. 1/3) are not affected: the shortest form already rounds the right way.
 */
export function roundHalfUp(value: number, decimals: number): number {
	if (!Number.isFinite(value)) return value;
	if (!Number.isInteger(decimals) || decimals < 0) {
		throw new RangeError(`decimals must be a whole number ≥ 0, got ${decimals}`);
	}
	const sign = value < 0 ? -1 : 1;
	const scaled = Math.round(shift(Math.abs(value), decimals));
	const rounded = sign * shift(scaled, -decimals);
	// Never return −0: "-0" would otherwise show up in JSON consumers and formatted text.
	return rounded === 0 ? 0 : rounded;
}

/** Moves the decimal point by exponent arithmetic on the decimal string, not by floating multiplication. */
function shift(value: number, places: number): number {
	const [mantissa, exponent = '0'] = String(value).split('e');
	return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Decimals of a percent (0–100) or of percentage points, in every output. */
export const PERCENT_DECIMALS = 1;

/**
 * Decimals of a mean, a median or a standard deviation, in every output (the seed's "8,5"). The engine
 * rounds once to this, and pages, report and CSV show what it gives: rounding 8.449 to 8.45 and the
 * page then to 8.5 would be wrong.
 */
export const MEAN_DECIMALS = 1;

/** Percents (0–100) and percentage points are shown with one decimal. */
export const roundPercent = (percent: number): number => roundHalfUp(percent, PERCENT_DECIMALS);

/** Means (and standard deviations, medians of scales) are shown with one decimal. */
export const roundMean = (mean: number): number => roundHalfUp(mean, MEAN_DECIMALS);

/**
 * count of n as a percent rounded to one decimal, null when n is 0. count × 100 is exact, so the one
 * division gives the double nearest to the true value: 3 of 2000 is 0.15, rounded to 0.2.
 */
export function percentOf(count: number, n: number): number | null {
	if (n === 0) return null;
	return roundPercent((count * 100) / n);
}
