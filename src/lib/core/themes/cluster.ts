/**
 * Agglomerative clustering with average linkage: start with every item alone, repeatedly join the two
 * clusters whose mean pairwise similarity is highest, and stop when no pair reaches `threshold`.
 * Deterministic: the same similarities always give the same clusters (ties go to the first pair found).
 * Clusters are returned as lists of item indexes in ascending order, ordered by their first item. O(n³), meant for a question's answers
 * (hundreds), not for large corpora.
 */
export function clusterByAverageLinkage(
	similarity: readonly (readonly number[])[],
	threshold: number
): number[][] {
	let clusters = similarity.map((_, i) => [i]);
	// Sum of pairwise similarities between clusters i and j, kept up to date as clusters merge.
	let sums = similarity.map((row) => [...row]);
	for (;;) {
		let best = { i: -1, j: -1, value: -Infinity };
		for (let i = 0; i < clusters.length; i++) {
			for (let j = i + 1; j < clusters.length; j++) {
				const size = (clusters[i]?.length ?? 0) * (clusters[j]?.length ?? 0);
				const value = (sums[i]?.[j] ?? 0) / size;
				if (value > best.value) best = { i, j, value };
			}
		}
		if (best.i < 0 || best.value < threshold) break;
		const { i, j } = best;
		const merged = [...(clusters[i] ?? []), ...(clusters[j] ?? [])].sort((a, b) => a - b);
		const mergedSums = clusters.map((_, k) => (sums[i]?.[k] ?? 0) + (sums[j]?.[k] ?? 0));
		const keep = (k: number) => k !== i && k !== j;
		const others = clusters.map((_, k) => k).filter(keep);
		clusters = [...others.map((k) => clusters[k] ?? []), merged];
		sums = [
			...others.map((k) => [...others.map((l) => sums[k]?.[l] ?? 0), mergedSums[k] ?? 0]),
			[...others.map((k) => mergedSums[k] ?? 0), 0]
		];
	}
	return clusters.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}
