/**
 * The small-group rule, stated once.
 *
 * Every figure the product shows is a sum over the responses of a *view*: a wave narrowed by an
 * organisation subtree and a role group, and maybe one group of a breakdown (a municipality, a unit, a
 * role group). Showing each view that has at least k respondents is not enough: two views can be
 * subtracted (Luleå minus Luleå's IT people), and so can a total and the shown groups of a breakdown.
 *
 * The rule that is safe against every combination of views, not just pairs: the respondents of a wave
 * are split once into *blocks* of at least k (buildDisclosureBlocks, from the cells "unit × role group"
 * and the organisation tree), and a view shows figures only when it is a union of whole blocks
 * (isViewShown). Any sum or difference of shown views is then again a union of whole blocks, so it
 * describes 0 or at least k people. Statistical agencies call the blocks a partition for complementary
 * suppression: hiding a small group hides with it whatever would let one derive it.
 *
 * How the blocks are drawn decides only which views survive, never whether the rule holds. They follow
 * the organisation tree from the leaves up: a unit whose respondents (with what its units below left
 * over) number at least k forms its blocks there, one per role group with at least k and the smaller
 * role groups together (or, if they are fewer than k, with its smallest role block); a unit with fewer
 * than k leaves them to the unit above, which adds them to its smallest block when it has nothing else
 * to form; what is left at the top joins the smallest block (preferring one that holds its role groups).
 * So a municipality with k or more respondents keeps its figures unless it must take in the smaller ones
 * (hide the next smallest), and its role groups keep theirs where each, and what is left beside it, has k.
 */

/** Respondents of one unit and one role group (null: not known). */
export interface TDisclosureCell {
	unit: string | null;
	role: string | null;
	count: number;
}

/** A unit of the organisation tree and the unit above it (null: a root). */
export interface TUnitParent {
	id: string;
	parent: string | null;
}

export interface TDisclosureBlocks {
	k: number;
	/** The cells with respondents, each with the index of its block. */
	cells: Array<TDisclosureCell & { block: number }>;
	/** Respondents per block. */
	sizes: number[];
}

const ROOT = '\u0000root';

interface TBlock {
	cells: TDisclosureCell[];
	size: number;
	roles: Set<string | null>;
}

const sum = (cells: TDisclosureCell[]) => cells.reduce((total, c) => total + c.count, 0);

/** Splits the respondents of a wave into blocks of at least k (one smaller block only when all are fewer). */
export function buildDisclosureBlocks(
	units: TUnitParent[],
	cells: TDisclosureCell[],
	k: number
): TDisclosureBlocks {
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);
	const known = new Set(units.map((u) => u.id));
	const children = new Map<string, string[]>();
	const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
		const list = map.get(key);
		if (list) list.push(value);
		else map.set(key, [value]);
	};
	for (const unit of [...units].sort((a, b) => a.id.localeCompare(b.id))) {
		push(children, unit.parent !== null && known.has(unit.parent) ? unit.parent : ROOT, unit.id);
	}
	const own = new Map<string, TDisclosureCell[]>();
	const sorted = cells
		.filter((c) => c.count > 0)
		.sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '') || (a.role ?? '').localeCompare(b.role ?? ''));
	for (const cell of sorted) {
		const node = cell.unit !== null && known.has(cell.unit) ? cell.unit : ROOT;
		push(own, node, cell);
	}

	const blocks: TBlock[] = [];
	const newBlock = (members: TDisclosureCell[]) => {
		blocks.push({ cells: [...members], size: sum(members), roles: new Set(members.map((c) => c.role)) });
		return blocks.length - 1;
	};
	const joinInto = (index: number, members: TDisclosureCell[]) => {
		const block = blocks[index] as TBlock;
		block.cells.push(...members);
		block.size += sum(members);
		for (const c of members) block.roles.add(c.role);
	};
	// The smallest block, preferring one that already holds every role group of what joins it.
	const bestFor = (candidates: number[], members: TDisclosureCell[]) => {
		const roles = [...new Set(members.map((c) => c.role))];
		const holds = (i: number) => roles.every((r) => (blocks[i] as TBlock).roles.has(r));
		const better = (i: number, j: number) =>
			holds(i) !== holds(j) ? holds(i) : (blocks[i] as TBlock).size < (blocks[j] as TBlock).size;
		return candidates.reduce((best, i) => (better(i, best) ? i : best));
	};

	// Post-order over the tree without recursion (trees may be deep).
	const order: string[] = [];
	const stack = [ROOT];
	while (stack.length > 0) {
		const node = stack.pop() as string;
		order.push(node);
		stack.push(...(children.get(node) ?? []));
	}
	order.reverse();

	const leftOver = new Map<string, TDisclosureCell[]>();
	const blocksBelow = new Map<string, number[]>();
	for (const node of order) {
		const kids = children.get(node) ?? [];
		const pending = [...(own.get(node) ?? []), ...kids.flatMap((c) => leftOver.get(c) ?? [])];
		const below = kids.flatMap((c) => blocksBelow.get(c) ?? []);
		const total = sum(pending);
		if (total === 0) {
			blocksBelow.set(node, below);
			continue;
		}
		if (total >= k) {
			const byRole = new Map<string | null, TDisclosureCell[]>();
			for (const c of pending) byRole.set(c.role, [...(byRole.get(c.role) ?? []), c]);
			const formed: number[] = [];
			const small: TDisclosureCell[] = [];
			for (const members of byRole.values()) {
				if (sum(members) >= k) formed.push(newBlock(members));
				else small.push(...members);
			}
			if (sum(small) >= k) formed.push(newBlock(small));
			else if (small.length > 0) joinInto(bestFor(formed, small), small);
			blocksBelow.set(node, [...below, ...formed]);
		} else if (below.length > 0) {
			joinInto(bestFor(below, pending), pending);
			blocksBelow.set(node, below);
		} else if (node !== ROOT) {
			leftOver.set(node, pending);
			blocksBelow.set(node, []);
		} else {
			// Fewer than k respondents in the whole wave: one block, too small to show anything.
			newBlock(pending);
		}
	}
	const blockOf = new Map<TDisclosureCell, number>();
	blocks.forEach((block, i) => {
		for (const c of block.cells) blockOf.set(c, i);
	});
	return {
		k,
		cells: sorted.map((c) => ({ ...c, block: blockOf.get(c) as number })),
		sizes: blocks.map((b) => b.size)
	};
}

/**
 * Whether a view may show figures: it takes each block whole or not at all, and every block it takes
 * has at least k respondents. A view with no respondents is shown (it has nothing to show).
 */
export function isViewShown(blocks: TDisclosureBlocks, inView: (cell: TDisclosureCell) => boolean): boolean {
	const inside = new Set<number>();
	const outside = new Set<number>();
	for (const cell of blocks.cells) (inView(cell) ? inside : outside).add(cell.block);
	for (const block of inside) {
		if (outside.has(block) || (blocks.sizes[block] ?? 0) < blocks.k) return false;
	}
	return true;
}
