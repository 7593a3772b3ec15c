import { describe, expect, it } from 'vitest';
import { buildDisclosureBlocks, isViewShown, type TDisclosureCell } from './disclosure-blocks.ts';
import { inDisclosureView } from './disclosure-view.ts';

// A region R with two municipalities; Luleå (L) has two departments, IT (LI) and HR (LH).
const tree = [
	{ id: 'R', parent: null },
	{ id: 'L', parent: 'R' },
	{ id: 'LI', parent: 'L' },
	{ id: 'LH', parent: 'L' },
	{ id: 'K', parent: 'R' },
	{ id: 'P', parent: 'R' }
];
const topOf = new Map([
	['L', 'L'],
	['LI', 'L'],
	['LH', 'L'],
	['K', 'K'],
	['P', 'P']
]);
const cell = (unit: string | null, role: string | null, count: number): TDisclosureCell => ({
	unit,
	role,
	count
});
const shown = (cells: TDisclosureCell[], k: number, view: Parameters<typeof inDisclosureView>[0]) =>
	isViewShown(buildDisclosureBlocks(tree, cells, k), inDisclosureView(view, topOf));
const subtree = (...ids: string[]) => new Set(ids);

describe('the small-group rule', () => {
	it('shows a unit of five but neither its one manager nor its four IT people, who could be subtracted', () => {
		const cells = [cell('L', 'ledning', 1), cell('LI', 'it', 4), cell('K', 'it', 9)];
		const luleå = subtree('L', 'LI', 'LH');
		expect(shown(cells, 5, { organisationIds: luleå })).toBe(true);
		expect(shown(cells, 5, { organisationIds: luleå, roleGroup: 'ledning' })).toBe(false);
		expect(shown(cells, 5, { organisationIds: luleå, roleGroup: 'it' })).toBe(false);
		expect(shown(cells, 5, { organisationIds: subtree('LI') })).toBe(false);
		// The IT people of the whole wave include Luleå's four, who share a block with its manager.
		expect(shown(cells, 5, { roleGroup: 'it' })).toBe(false);
		expect(shown(cells, 5, { organisationIds: subtree('K') })).toBe(true);
		expect(shown(cells, 5, {})).toBe(true);
	});

	it('hides the next smallest group when the hidden groups of a breakdown add up to fewer than k', () => {
		// Groups of 1 and 2 are hidden; total − shown would give away their 3, so the 6 are hidden too.
		const cells = [cell('LI', 'it', 1), cell('LH', 'it', 2), cell('K', 'it', 6), cell('P', 'it', 7)];
		const group = (key: string | null) => ({ group: { by: 'department' as const, key } });
		expect(shown(cells, 5, group('LI'))).toBe(false);
		expect(shown(cells, 5, group('LH'))).toBe(false);
		expect(shown(cells, 5, group('K'))).toBe(false);
		expect(shown(cells, 5, group('P'))).toBe(true);
		expect(shown(cells, 5, {})).toBe(true);
	});

	it('keeps the hidden groups of a breakdown that reach k together, and shows every other group', () => {
		const cells = [cell('LI', 'it', 2), cell('LH', 'it', 3), cell('K', 'it', 6)];
		const group = (key: string | null) => ({ group: { by: 'organisation' as const, key } });
		// Luleå's departments together have 5: Luleå shows, its departments do not.
		expect(shown(cells, 5, group('L'))).toBe(true);
		expect(shown(cells, 5, group('K'))).toBe(true);
		expect(shown(cells, 5, { organisationIds: subtree('LI') })).toBe(false);
	});

	it('shows a municipality whose departments have k each although its own manager is one', () => {
		const cells = [cell('L', 'ledning', 1), cell('LI', 'it', 6), cell('LH', 'hr', 7), cell('K', 'it', 5)];
		expect(shown(cells, 5, { organisationIds: subtree('L', 'LI', 'LH') })).toBe(true);
		// The manager joins the smaller department, which then cannot be shown alone.
		expect(shown(cells, 5, { organisationIds: subtree('LI') })).toBe(false);
		expect(shown(cells, 5, { organisationIds: subtree('LH') })).toBe(true);
	});

	it('shows nothing of a wave with fewer than k respondents, and everything of an empty selection', () => {
		const cells = [cell('L', 'it', 2), cell('K', 'it', 2)];
		expect(shown(cells, 5, {})).toBe(false);
		expect(shown(cells, 5, { roleGroup: 'none-such' })).toBe(true);
	});

	it('treats respondents of an unknown unit or role group as a cell of their own', () => {
		const cells = [cell(null, null, 2), cell('K', 'it', 8)];
		// The two join K's block: K alone would give them away.
		expect(shown(cells, 5, { organisationIds: subtree('K') })).toBe(false);
		expect(shown(cells, 5, {})).toBe(true);
	});

	it('refuses a k that is not a whole number of at least 1', () => {
		expect(() => buildDisclosureBlocks(tree, [], 0)).toThrow(RangeError);
		expect(() => buildDisclosureBlocks(tree, [], 2.5)).toThrow(RangeError);
	});
});
