/**
 * Agglomerative clustering with average linkage: start with every item alone, repeatedly join the two
 * clusters whose mean pairwise similarity is highest, and stop when no pair reaches `threshold`.
 * Deterministic: the same similarities always give the same clusters (ties go to the lower index).
 * Clusters are returned as lists of item indexes in ascending order, ordered by their first item.
 *
 * Each cluster remembers its most similar neighbour, so a merge costs O(n) plus a rescan of the few
 * clusters whose neighbour took part in it, instead of a rescan of every pair: a question's thousand
 * answers cluster in well under a second.
 */
export function clusterByAverageLinkage(
	similarity: readonly (readonly number[])[],
	threshold: number
): number[][] {
	const n = similarity.length;
	// sums[a·n + b]: the sum of item similarities between clusters a and b (a cluster is named by its lowest item).
	const sums = new Float64Array(n * n);
	for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) sums[a * n + b] = similarity[a]?.[b] ?? 0;
	const size = new Array<number>(n).fill(1);
	const active = new Array<boolean>(n).fill(true);
	const members = Array.from({ length: n }, (_, i) => [i]);
	const best = new Array<number>(n).fill(-1);
	const bestValue = new Array<number>(n).fill(-Infinity);
	const average = (a: number, b: number) => (sums[a * n + b] ?? 0) / ((size[a] ?? 1) * (size[b] ?? 1));
	const findBest = (a: number) => {
		best[a] = -1;
		bestValue[a] = -Infinity;
		for (let b = 0; b < n; b++) {
			if (b === a || !active[b]) continue;
			const value = average(a, b);
			if (value > (bestValue[a] ?? -Infinity)) {
				best[a] = b;
				bestValue[a] = value;
			}
		}
	};
	for (let a = 0; a < n; a++) findBest(a);
	for (;;) {
		let from = -1;
		for (let a = 0; a < n; a++) {
			if (active[a] && best[a] !== -1 && (from === -1 || (bestValue[a] ?? 0) > (bestValue[from] ?? 0)))
				from = a;
		}
		if (from === -1 || (bestValue[from] ?? -Infinity) < threshold) break;
		const other = best[from] ?? -1;
		const [a, b] = from < other ? [from, other] : [other, from];
		for (let k = 0; k < n; k++) {
			const joined = (sums[a * n + k] ?? 0) + (sums[b * n + k] ?? 0);
			sums[a * n + k] = joined;
			sums[k * n + a] = joined;
		}
		size[a] = (size[a] ?? 0) + (size[b] ?? 0);
		active[b] = false;
		members[a] = [...(members[a] ?? []), ...(members[b] ?? [])];
		// A cluster's similarity to the merged one is a weighted mean of its similarities to the two parts,
		// so only clusters whose nearest neighbour was one of the parts can have a new nearest neighbour.
		for (let k = 0; k < n; k++) {
			if (active[k] && k !== a && (best[k] === a || best[k] === b)) findBest(k);
		}
		findBest(a);
	}
	return members
		.filter((_, i) => active[i])
		.map((cluster) => [...cluster].sort((x, y) => x - y))
		.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
}
