import { wilsonInterval } from './wilson-interval.ts';

export interface ProportionCount {
	count: number;
	n: number;
}

export interface ProportionDifference {
	/** later − earlier, as a proportion (−1..1); times 100 it is the change in percentage points. */
	difference: number;
	ci95: [number, number];
	/** True only when the 95 % interval excludes 0: only then is it called a change. */
	changed: boolean;
}

/**
 * The difference between two independent proportions (later − earlier) with Newcombe's hybrid score
 * interval (Newcombe 1998, method 10), built from the two Wilson intervals. Null when either base is 0.
 */
export function newcombeDifference(
	earlier: ProportionCount,
	later: ProportionCount
): ProportionDifference | null {
	const earlierInterval = wilsonInterval(earlier.count, earlier.n);
	const laterInterval = wilsonInterval(later.count, later.n);
	if (!earlierInterval || !laterInterval) return null;
	const p1 = later.count / later.n;
	const p2 = earlier.count / earlier.n;
	const [l1, u1] = laterInterval;
	const [l2, u2] = earlierInterval;
	// One division of whole numbers: 9/20 − 14/20 is exactly −0.25, not −0.24999999999999994.
	const difference = (later.count * earlier.n - earlier.count * later.n) / (later.n * earlier.n);
	const lower = difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
	const upper = difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
	return { difference, ci95: [lower, upper], changed: lower > 0 || upper < 0 };
}
