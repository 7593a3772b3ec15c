import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDisclosureBlocks, type TDisclosureCell, type TUnitParent } from './disclosure-blocks.ts';
import type { TDisclosureView, TViewGroup } from './disclosure-view.ts';
import { isQuestionShown, isSelectionShown, type TWaveDisclosure } from './wave-disclosure.ts';

// Property: on any wave (an organisation tree, role groups, complete and partial responses that answer
// some questions), of every figure any role can ask for — any subtree and role group filter, with and
// without partial responses, and each group of each breakdown — none that is shown describes 1 … k−1
// people, nor does the difference of two shown figures of the same question where one contains the
// other, nor what a shown total leaves when the shown groups of one of its breakdowns are taken away.
// Figures are modelled independently of the blocks: as the set of responses they add up.

const ROLES = ['ledning', 'it', 'verksamhet'];
const QUESTIONS = ['q1', 'q2'];

interface TResponse {
	unit: string | null;
	role: string | null;
	complete: boolean;
	/** For a partial response, the questions it answered (a complete one answered all). */
	answered: string[];
}

const wave = fc
	.record({
		parents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
		k: fc.integer({ min: 2, max: 5 }),
		responses: fc.array(
			fc.record({
				unit: fc.nat(),
				knownUnit: fc.boolean(),
				role: fc.integer({ min: -1, max: ROLES.length - 1 }),
				complete: fc.boolean(),
				answered: fc.subarray(QUESTIONS)
			}),
			{ maxLength: 45 }
		)
	})
	.map(({ parents, k, responses }) => {
		// Unit 0 is the wave's owner (the region); unit i > 0 hangs below one of the units before it.
		const units: TUnitParent[] = parents.map((p, i) => ({
			id: `u${i}`,
			parent: i === 0 ? null : `u${p % i}`
		}));
		const list: TResponse[] = responses.map((r) => ({
			unit: r.knownUnit ? `u${r.unit % units.length}` : null,
			role: r.role < 0 ? null : (ROLES[r.role] ?? null),
			complete: r.complete,
			answered: r.complete ? QUESTIONS : r.answered
		}));
		return { units, k, responses: list };
	});

function cellsOf(responses: TResponse[]): TDisclosureCell[] {
	const cells = new Map<string, TDisclosureCell>();
	for (const r of responses) {
		const key = JSON.stringify([r.unit, r.role]);
		const cell = cells.get(key) ?? { unit: r.unit, role: r.role, count: 0 };
		cell.count++;
		cells.set(key, cell);
	}
	return [...cells.values()];
}

function topUnits(units: TUnitParent[]): Map<string, string> {
	const parent = new Map(units.map((u) => [u.id, u.parent]));
	const topOf = new Map<string, string>();
	for (const unit of units) {
		let id = unit.id;
		while (parent.get(id) !== null && parent.get(id) !== 'u0') id = parent.get(id) as string;
		if (id !== 'u0') topOf.set(unit.id, id);
	}
	return topOf;
}

function subtree(units: TUnitParent[], root: string): Set<string> {
	const ids = new Set([root]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const u of units) {
			if (u.parent !== null && ids.has(u.parent) && !ids.has(u.id)) {
				ids.add(u.id);
				grew = true;
			}
		}
	}
	return ids;
}

function disclosureOf(w: { units: TUnitParent[]; k: number; responses: TResponse[] }, partial: boolean) {
	const complete = w.responses.filter((r) => r.complete);
	const partials = w.responses.filter((r) => !r.complete && r.answered.length > 0);
	const disclosure: TWaveDisclosure = {
		k: w.k,
		topOf: topUnits(w.units),
		complete: buildDisclosureBlocks(w.units, cellsOf(complete), w.k)
	};
	if (partial) {
		disclosure.partial = {
			responses: buildDisclosureBlocks(w.units, cellsOf(partials), w.k),
			questions: new Map(
				QUESTIONS.map((q) => [
					q,
					buildDisclosureBlocks(w.units, cellsOf(partials.filter((r) => r.answered.includes(q))), w.k)
				])
			)
		};
	}
	return disclosure;
}

/** Whether a response is in a view, decided from the view's definition alone. */
function inView(view: TDisclosureView, topOf: Map<string, string>, r: TResponse): boolean {
	if (view.organisationIds && (r.unit === null || !view.organisationIds.has(r.unit))) return false;
	if (view.roleGroup !== undefined && r.role !== view.roleGroup) return false;
	const g = view.group;
	if (!g) return true;
	if (g.by === 'organisation') return (r.unit === null ? null : (topOf.get(r.unit) ?? null)) === g.key;
	if (g.by === 'department') return r.unit === g.key;
	return r.role === g.key;
}

interface TFigure {
	/** Indices of the responses the figure adds up. */
	people: Set<number>;
	complete: number;
	parent?: string;
}

describe('the small-group rule on generated waves', () => {
	it('shows no figure, and no difference of two shown figures, that describes 1 … k−1 people', () => {
		fc.assert(
			fc.property(wave, (w) => {
				const topOf = topUnits(w.units);
				const filters: TDisclosureView[] = [];
				for (const organisation of [undefined, ...w.units.map((u) => u.id)]) {
					for (const roleGroup of [undefined, ...ROLES]) {
						filters.push({
							organisationIds: organisation === undefined ? undefined : subtree(w.units, organisation),
							roleGroup
						});
					}
				}
				const groups: TViewGroup[] = [
					...[null, ...new Set(topOf.values())].map((key) => ({ by: 'organisation' as const, key })),
					...[null, ...w.units.map((u) => u.id)].map((key) => ({ by: 'department' as const, key })),
					...[null, ...ROLES].map((key) => ({ by: 'role' as const, key }))
				];
				for (const partial of [false, true]) {
					const disclosure = disclosureOf(w, partial);
					for (const question of QUESTIONS) {
						const figureOf = (view: TDisclosureView): TFigure | null => {
							const people = new Set<number>();
							let complete = 0;
							w.responses.forEach((r, i) => {
								if (!inView(view, topOf, r)) return;
								if (r.complete) complete++;
								if (r.complete || (partial && r.answered.includes(question))) people.add(i);
							});
							const shown =
								isSelectionShown(disclosure, view) &&
								isQuestionShown(disclosure, view, question, people.size);
							return shown ? { people, complete } : null;
						};
						const shown: TFigure[] = [];
						for (const [f, filter] of filters.entries()) {
							const total = figureOf(filter);
							if (!total) continue; // a selection that is hidden has no breakdown either
							shown.push({ ...total, parent: `f${f}` });
							for (const by of ['organisation', 'department', 'role']) {
								const parts = groups
									.filter((g) => g.by === by)
									.map((group) => figureOf({ ...filter, group }))
									.filter((g): g is TFigure => g !== null);
								shown.push(...parts);
								// The total less the shown groups of the breakdown.
								const rest = [...total.people].filter((i) => !parts.some((p) => p.people.has(i)));
								expect(rest.length === 0 || rest.length >= w.k).toBe(true);
							}
						}
						for (const figure of shown) {
							expect(figure.people.size === 0 || figure.complete >= w.k).toBe(true);
							expect(figure.people.size === 0 || figure.people.size >= w.k).toBe(true);
						}
						const distinct = [...new Map(shown.map((f) => [[...f.people].sort().join(','), f])).values()];
						for (const a of distinct) {
							for (const b of distinct) {
								if ([...a.people].every((i) => b.people.has(i))) {
									const difference = b.people.size - a.people.size;
									expect(difference === 0 || difference >= w.k).toBe(true);
								}
							}
						}
					}
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('still shows what is safe: a municipality of at least k, and the whole wave', () => {
		const units = [
			{ id: 'u0', parent: null },
			{ id: 'u1', parent: 'u0' },
			{ id: 'u2', parent: 'u0' }
		];
		const responses: TResponse[] = [
			...Array.from({ length: 6 }, () => ({ unit: 'u1', role: 'it', complete: true, answered: QUESTIONS })),
			{ unit: 'u1', role: 'ledning', complete: true, answered: QUESTIONS },
			...Array.from({ length: 5 }, () => ({ unit: 'u2', role: 'it', complete: true, answered: QUESTIONS }))
		];
		const disclosure = disclosureOf({ units, k: 5, responses }, false);
		expect(isSelectionShown(disclosure, {})).toBe(true);
		expect(isSelectionShown(disclosure, { organisationIds: new Set(['u1']) })).toBe(true);
		expect(isSelectionShown(disclosure, { organisationIds: new Set(['u2']) })).toBe(true);
		expect(isSelectionShown(disclosure, { group: { by: 'organisation', key: 'u2' } })).toBe(true);
		expect(isSelectionShown(disclosure, { organisationIds: new Set(['u1']), roleGroup: 'ledning' })).toBe(
			false
		);
	});
});
