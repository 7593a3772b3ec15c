/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion count/n, as proportions 0..1; null when n is 0 (no base,
 * no interval). Exact at the ends: 0 of n starts at 0 and n of n ends at 1, without floating error.
 */
export function wilsonInterval(count: number, n: number, z = Z95): [number, number] | null {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
	if (!Number.isInteger(count) || count < 0 || count > n) {
		throw new RangeError(`count must be a whole number from 0 to n (${n}), got ${count}`);
	}
	if (n === 0) return null;
	const p = count / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const lower = count === 0 ? 0 : Math.max(0, centre - half);
	const upper = count === n ? 1 : Math.min(1, centre + half);
	return [lower, upper];
}
