import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from './suppress-small-groups.ts';

const groups = (sizes: Record<string, number>) => Object.entries(sizes).map(([key, n]) => ({ key, n }));
const hidden = (sizes: Record<string, number>, k: number) =>
	[...suppressSmallGroups(groups(sizes), k)].sort();

describe('suppressSmallGroups', () => {
	it('hides every group below k when two or more are below it', () => {
		expect(hidden({ a: 3, b: 12, c: 4, d: 8 }, 5)).toEqual(['a', 'c']);
	});

	it('hides the smallest shown group too when only one group is below k', () => {
		// Total 28 − (12 + 8 + 6) would give a's 2 away; hiding d (6) leaves only a + d = 8 derivable.
		expect(hidden({ a: 2, b: 12, c: 8, d: 6 }, 5)).toEqual(['a', 'd']);
	});

	it('breaks ties for the second hidden group by the order the groups are given in', () => {
		expect(hidden({ a: 1, b: 7, c: 6, d: 6 }, 5)).toEqual(['a', 'c']);
		expect([...suppressSmallGroups(groups({ a: 1, d: 6, c: 6, b: 7 }), 5)].sort()).toEqual(['a', 'd']);
	});

	it('hides nothing when every group reaches k', () => {
		expect(hidden({ a: 5, b: 12 }, 5)).toEqual([]);
	});

	it('hides nothing in an empty breakdown', () => {
		expect(suppressSmallGroups([], 5).size).toBe(0);
	});

	it('hides every group when all are below k', () => {
		expect(hidden({ a: 1, b: 4, c: 3 }, 5)).toEqual(['a', 'b', 'c']);
	});

	it('hides a single group below k (it has no other group to pair with)', () => {
		expect(hidden({ a: 3 }, 5)).toEqual(['a']);
		expect(hidden({ a: 9 }, 5)).toEqual([]);
	});

	it('with k = 1 hides only empty groups, which need no partner', () => {
		expect(hidden({ a: 0, b: 1, c: 2 }, 1)).toEqual(['a']);
	});

	it('does not let an empty group stand in as the second hidden group', () => {
		// a (0) tells nothing, so b (3) would still be total − c − d: c, the smaller shown group, goes too.
		expect(hidden({ a: 0, b: 3, c: 9, d: 10 }, 5)).toEqual(['a', 'b', 'c']);
	});

	it('hides an empty group without hiding a partner for it', () => {
		expect(hidden({ a: 0, b: 9, c: 10 }, 5)).toEqual(['a']);
	});

	it('works with any key type', () => {
		const result = suppressSmallGroups(
			[
				{ key: 10, n: 2 },
				{ key: 20, n: 30 },
				{ key: 30, n: 20 }
			],
			5
		);
		expect([...result].sort((a, b) => a - b)).toEqual([10, 30]);
	});
});
