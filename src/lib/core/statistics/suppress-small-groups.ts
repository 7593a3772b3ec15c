export interface GroupSize<K> {
	key: K;
	/** Respondents in the group. */
	n: number;
}

/**
 * The keys of the groups of a breakdown that must show no figures: every group with fewer than k
 * respondents, and, when that leaves exactly one hidden group with respondents, also the smallest of
 * the shown groups, so that the hidden one cannot be derived by subtracting the shown groups from the
 * total. An empty group (n = 0) is hidden when k ≥ 1 but protects nothing and needs no protection: it
 * counts for neither side of that rule. Ties in size go to the group given first.
 *
 * Not covered here: when a breakdown has a single group with respondents below k, the total itself
 * equals that group; the caller must then hide the total too.
 */
export function suppressSmallGroups<K>(groups: GroupSize<K>[], k: number): Set<K> {
	if (!Number.isFinite(k)) throw new RangeError(`k must be a number, got ${k}`);
	const hidden = new Set<K>();
	let hiddenWithRespondents = 0;
	for (const group of groups) {
		if (group.n < k) {
			hidden.add(group.key);
			if (group.n > 0) hiddenWithRespondents++;
		}
	}
	if (hiddenWithRespondents === 1) {
		let smallest: GroupSize<K> | undefined;
		for (const group of groups) {
			if (hidden.has(group.key) || group.n <= 0) continue;
			if (!smallest || group.n < smallest.n) smallest = group;
		}
		if (smallest) hidden.add(smallest.key);
	}
	return hidden;
}
