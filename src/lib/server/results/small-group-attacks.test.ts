import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, respond } from '../../../../tests/support/results-dataset.ts';
import type { TWaveResults } from '../../core/results/wave-results-schema.ts';
import type { TDatabase } from '../db/client.ts';
import { organisations, participants, responses, waves } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { getWave } from '../waves/get-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { computeMaturity } from './compute-maturity.ts';
import { getResultsForUser } from './get-results-for-user.ts';
import { getWaveChange } from './get-wave-change.ts';
import { getWaveResults, type TWaveResultsOptions } from './get-wave-results.ts';
import { preloadDisclosure } from './load-disclosure.ts';

// The attacks on the small-group rule, each tried as a viewer or an organisation contact would, on a
// wave with k = 5:
//   Luleå    1 politisk_ledning (the municipal manager) + 4 it        complete
//   Boden    5 it                                                     complete
//   Piteå    6 verksamhet                                             complete
//   Kiruna   1 verksamhet complete + 4 partial that answered page 1 (anyone can start on an open link)
//   Arjeplog 2 verksamhet                                             complete
// Kiruna (1) and Arjeplog (2) are hidden; together they are 3, fewer than k, so Piteå (the smallest
// block of their role group) is hidden with them.

const K = 5;
const WAVE = 'angrepp';
const EARLIER = 'angrepp-forra';

interface TRespondent {
	unit: string;
	role: string;
	complete: boolean;
}
const people: TRespondent[] = [
	{ unit: '2580', role: 'politisk_ledning', complete: true },
	...Array.from({ length: 4 }, () => ({ unit: '2580', role: 'it', complete: true })),
	...Array.from({ length: 5 }, () => ({ unit: '2582', role: 'it', complete: true })),
	...Array.from({ length: 6 }, () => ({ unit: '2581', role: 'verksamhet', complete: true })),
	{ unit: '2584', role: 'verksamhet', complete: true },
	...Array.from({ length: 4 }, () => ({ unit: '2584', role: 'verksamhet', complete: false })),
	...Array.from({ length: 2 }, () => ({ unit: '2506', role: 'verksamhet', complete: true }))
];
const UNITS = ['2580', '2581', '2582', '2584', '2506'];
const ROLE_GROUPS = ['politisk_ledning', 'it', 'verksamhet'];

let database: TDatabase;
const unitIds = new Map<string, string>();
const viewer = { role: 'viewer' as const, organisationId: null };
const contactOf = (code: string) => ({ role: 'contact' as const, organisationId: unitIds.get(code) ?? null });

const page1 = {
	behov: { kind: 'scale' as const, value: 9 },
	ledning_delar: { kind: 'single' as const, option: 'ja' }
};

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	for (const row of await db.select().from(organisations).where(inArray(organisations.code, UNITS))) {
		unitIds.set(row.code ?? '', row.id);
	}
	await createWave(db, {
		questionnaireCode: 'digital-mognad-i-kommuner',
		name: 'Angrepp',
		slug: WAVE,
		minGroupSize: K
	});
	await createWave(db, {
		questionnaireCode: 'digital-mognad-i-kommuner',
		name: 'Angrepp förra',
		slug: EARLIER,
		minGroupSize: 10
	});
	for (const slug of [WAVE, EARLIER]) await setWaveStatus(db, slug, 'open');
	for (const person of people) {
		const id = person.complete
			? await respond(db, WAVE, person.unit, completeAnswers({ behov: { kind: 'scale', value: 5 } }))
			: await respond(db, WAVE, person.unit, page1, true);
		const [response] = await db.select().from(responses).where(eq(responses.id, id));
		await db
			.update(participants)
			.set({ roleGroup: person.role })
			.where(eq(participants.id, response?.participantId ?? ''));
	}
	// The earlier wave (k = 10): six respondents in Luleå.
	for (let i = 0; i < 6; i++) await respond(db, EARLIER, '2580', completeAnswers({}));
}, 300_000);
afterAll(async () => database.close());

const ask = (
	user: typeof viewer | ReturnType<typeof contactOf>,
	options: Omit<TWaveResultsOptions, 'slug'>
) => getResultsForUser(database.db, user, { slug: WAVE, ...options });

describe('attacks on the small-group rule (k = 5)', () => {
	it("refuses a viewer the municipal manager's answers (Luleå × politisk ledning, n = 1)", async () => {
		await expect(ask(viewer, { organisation: '2580', roleGroup: 'politisk_ledning' })).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
	});

	it("refuses Luleå's four IT people, which Luleå (shown) less them would turn into the manager", async () => {
		const lulea = await ask(viewer, { organisation: '2580' });
		expect(lulea.responses.complete).toBe(5);
		await expect(ask(viewer, { organisation: '2580', roleGroup: 'it' })).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
		// The wave's IT people include Luleå's four: the same subtraction, the other way round.
		await expect(ask(viewer, { roleGroup: 'it' })).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		const byRole = await ask(viewer, { organisation: '2580', by: 'role' });
		expect(byRole.breakdown?.every((g) => g.suppressed)).toBe(true);
	});

	it('gives a contact nothing when partial responses would lift their unit over k', async () => {
		// Kiruna: one complete response and four partial ones that answered page 1.
		for (const includePartial of [false, true]) {
			await expect(ask(contactOf('2584'), { includePartial })).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		}
	});

	it('refuses the whole wave with partial responses: with minus without would give away the four', async () => {
		const without = await ask(viewer, {});
		expect(without.responses).toEqual({ complete: 19, partial: 4 });
		await expect(ask(viewer, { includePartial: true })).rejects.toMatchObject({ code: 'SMALL_GROUP' });
	});

	it('hides groups of a breakdown that add up to 0 or at least k: total − shown gives nobody away', async () => {
		const byOrganisation = await ask(viewer, { by: 'organisation' });
		const rows = byOrganisation.breakdown?.map((g) => [g.group, g.n, g.suppressed]);
		expect(rows).toEqual([
			['2506', null, true],
			['2582', 5, false],
			['2584', null, true],
			['2580', 5, false],
			['2581', null, true]
		]);
		const shown = (byOrganisation.breakdown ?? []).reduce((sum, g) => sum + (g.n ?? 0), 0);
		expect(byOrganisation.responses.complete - shown).toBe(9);
	});

	it('hides the same municipalities in the maturity index, and pools only a shown selection', async () => {
		const maturity = await computeMaturity(database.db, { slug: WAVE });
		expect(maturity?.organisations.filter((o) => !o.hidden).map((o) => o.code)).toEqual(['2582', '2580']);
		expect(maturity?.region.pooled).not.toBeNull();
		const partial = await computeMaturity(database.db, { slug: WAVE, includePartial: true });
		expect(partial?.region.pooled).toBeNull();
	});

	it("applies the same rule with a disclosure loaded once, and never another wave's or setting's", async () => {
		const db = database.db;
		const wave = await getWave(db, WAVE);
		const once = await preloadDisclosure(db, wave, { partial: false });
		const byOrganisation = await getWaveResults(db, { slug: WAVE, by: 'organisation' }, once);
		expect(byOrganisation).toEqual(await getWaveResults(db, { slug: WAVE, by: 'organisation' }));
		await expect(
			getWaveResults(db, { slug: WAVE, organisation: '2580', roleGroup: 'it' }, once)
		).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		expect(await computeMaturity(db, { slug: WAVE }, once)).toEqual(
			await computeMaturity(db, { slug: WAVE })
		);
		// Loaded without partial responses: a call that counts them loads its own and is refused.
		await expect(getWaveResults(db, { slug: WAVE, includePartial: true }, once)).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
		// The earlier wave's (k = 10, six in Luleå) would refuse everything; this wave's own is used.
		const earlier = await preloadDisclosure(db, await getWave(db, EARLIER), { partial: false });
		expect((await getWaveResults(db, { slug: WAVE }, earlier)).responses.complete).toBe(19);
	});

	it('judges the earlier wave of a comparison by its own k (10), and the current by its own (5)', async () => {
		await expect(
			getWaveChange(database.db, { slug: WAVE, previous: EARLIER, organisation: '2580' })
		).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		await expect(getWaveChange(database.db, { slug: EARLIER, previous: WAVE })).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
		await database.db.update(waves).set({ minGroupSize: 5 }).where(eq(waves.slug, EARLIER));
		try {
			const change = await getWaveChange(database.db, {
				slug: WAVE,
				previous: EARLIER,
				organisation: '2580'
			});
			expect(change.responses).toEqual({ current: 5, previous: 6 });
		} finally {
			await database.db.update(waves).set({ minGroupSize: 10 }).where(eq(waves.slug, EARLIER));
		}
	});

	it('lets no shown figure, nor the difference of two nested ones, describe 1 … k−1 people', async () => {
		// Every view a viewer or a contact can ask for: filters × partial × breakdown. The people each one
		// counts are worked out from the table above, independently of the engine.
		const inView = (p: TRespondent, unit?: string, role?: string, partial = false) =>
			(p.complete || partial) && (!unit || p.unit === unit) && (!role || p.role === role);
		const figures: Array<{ unit?: string; role?: string; partial: boolean; n: number }> = [];
		let asked = 0;
		for (const unit of [undefined, ...UNITS]) {
			for (const role of [undefined, ...ROLE_GROUPS]) {
				for (const includePartial of [false, true]) {
					for (const by of [undefined, 'organisation', 'role'] as const) {
						asked++;
						let result: TWaveResults;
						try {
							result = await ask(viewer, { organisation: unit, roleGroup: role, includePartial, by });
						} catch (e) {
							expect(e).toMatchObject({ code: 'SMALL_GROUP' });
							continue;
						}
						const counted = people.filter((p) => inView(p, unit, role, includePartial)).length;
						expect(result.responses.complete + (includePartial ? result.responses.partial : 0)).toBe(counted);
						figures.push({ unit, role, partial: includePartial, n: counted });
						for (const g of result.breakdown ?? []) {
							if (g.suppressed) continue;
							const groupUnit = by === 'organisation' ? (g.group ?? undefined) : unit;
							const groupRole = by === 'role' ? (g.group ?? undefined) : role;
							figures.push({ unit: groupUnit, role: groupRole, partial: includePartial, n: g.n ?? 0 });
						}
					}
				}
			}
		}
		for (const f of figures) expect(f.n === 0 || f.n >= K).toBe(true);
		for (const a of figures) {
			for (const b of figures) {
				const nested =
					(!b.unit || a.unit === b.unit) && (!b.role || a.role === b.role) && (b.partial || !a.partial);
				if (nested) expect(b.n - a.n === 0 || b.n - a.n >= K).toBe(true);
			}
		}
		expect(asked).toBe(144);
		// What is still shown: the wave, Luleå, Boden, the breakdowns' shown groups.
		expect(figures.length).toBeGreaterThanOrEqual(6);
	});
});
