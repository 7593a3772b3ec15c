import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResultsDataset } from '../../../../tests/support/results-dataset.ts';
import { ZWaveChange } from '../../core/results/wave-change-schema.ts';
import {
	type TQuestionResult,
	type TWaveResults,
	ZWaveResults
} from '../../core/results/wave-results-schema.ts';
import type { TDatabase } from '../db/client.ts';
import { waves } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { getWaveChange } from './get-wave-change.ts';
import { getWaveResults, type TWaveResultsOptions } from './get-wave-results.ts';

// The dataset and its table are in tests/support/results-dataset.ts; every figure below is worked out
// by hand from that table (Wilson: p̃ ± z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.959964).

let database: TDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
	await seedResultsDataset(database.db);
});
afterAll(async () => database.close());

async function results(options: TWaveResultsOptions): Promise<TWaveResults> {
	const result = await getWaveResults(database.db, options);
	// The published schema refuses NaN and Infinity: every result must pass it.
	return ZWaveResults.parse(result);
}

function question(result: { questions: TQuestionResult[] }, code: string): TQuestionResult {
	const found = result.questions.find((q) => q.code === code);
	if (!found) throw new Error(`no question ${code}`);
	return found;
}

const options = (q: TQuestionResult) => q.options.map((o) => [o.code, o.count, o.percent, o.ci95]);

describe('results of a whole wave', () => {
	let wave: TWaveResults;
	beforeAll(async () => {
		wave = await results({ slug: 'nu' });
	});

	it('counts complete and partial responses, and organisations invited and responding', () => {
		expect(wave.responses).toEqual({ complete: 13, partial: 1 });
		// Invited: Luleå (with its department), Piteå, Boden, Kiruna, Haparanda; Haparanda never answered.
		expect(wave.organisations).toEqual({ invited: 5, responded: 4 });
		expect(wave.wave).toMatchObject({ slug: 'nu', minGroupSize: 3, questionnaire: { version: 4 } });
		expect(wave.breakdown).toBeUndefined();
	});

	it('gives counts, percents of n and Wilson intervals for a single-choice question', () => {
		const vision = question(wave, 'vision');
		expect(vision.n).toBe(13);
		expect(options(vision)).toEqual([
			['ja', 9, 69.2, [42.4, 87.3]],
			['nej', 3, 23.1, [8.2, 50.3]],
			['vet_ej', 1, 7.7, [1.4, 33.3]]
		]);
		expect(vision).toMatchObject({ mean: null, median: null, sd: null, topBox: null, themes: [] });
	});

	it('gives multi-choice percents of respondents, summing to more than 100', () => {
		const drivande = question(wave, 'drivande');
		expect(drivande.n).toBe(13);
		expect(options(drivande)).toEqual([
			['politiker', 1, 7.7, [1.4, 33.3]],
			['ledning', 4, 30.8, [12.7, 57.6]],
			['it', 10, 76.9, [49.7, 91.8]],
			['tjansteman', 0, 0, [0, 22.8]],
			['medborgare', 1, 7.7, [1.4, 33.3]],
			['naringsliv', 1, 7.7, [1.4, 33.3]],
			['annat', 0, 0, [0, 22.8]]
		]);
		expect(drivande.options.reduce((sum, o) => sum + (o.percent ?? 0), 0)).toBeCloseTo(130.8, 5);
	});

	it('gives n, mean, median (even n), sample SD, distribution and top box of a scale, leaving out a value out of range', () => {
		const behov = question(wave, 'behov');
		// 2 3 4 5 6 6 | 7 8 8 9 9 10 — respondent 12's stored 11 is outside 1–10.
		expect(behov).toMatchObject({ n: 12, mean: 6.4, median: 6.5, sd: 2.5, excluded: 1 });
		expect(behov.topBox).toEqual({ from: 7, count: 6, percent: 50, ci95: [25.4, 74.6] });
		expect(behov.options.map((o) => o.count)).toEqual([0, 1, 1, 1, 1, 2, 1, 2, 2, 1]);
		expect(behov.options[0]?.label).toBe('1 Mycket litet');
		expect(behov.options[5]).toEqual({ code: '6', label: '6', count: 2, percent: 16.7, ci95: [4.7, 44.8] });
	});

	it('shows "vet ej" as an answer: a question answered only with it', () => {
		expect(options(question(wave, 'kompetens'))).toEqual([
			['ja', 0, 0, [0, 22.8]],
			['nej', 0, 0, [0, 22.8]],
			['vet_ej', 13, 100, [77.2, 100]]
		]);
	});

	it('gives n 0 and no percents for questions nobody answered', () => {
		expect(question(wave, 'vision_kommentar')).toMatchObject({ n: 0, options: [], themes: [] });
		expect(options(question(wave, 'ny_fraga'))).toEqual([
			['ja', 0, null, null],
			['nej', 0, null, null]
		]);
	});

	it('counts free-text answers and the answers per theme (one answer may carry two)', () => {
		const stod = question(wave, 'stod');
		expect(stod.n).toBe(3);
		expect(stod.themes).toEqual([
			{ label: 'Goda exempel', count: 2 },
			{ label: 'Samordning', count: 2 },
			{ label: 'Oanvänd', count: 0 }
		]);
	});
});

// With k = 1 every selection shows its figures: these tests pin the counting of each filter. The
// small-group rule itself is tested below at the wave's k = 3, and in small-group-attacks.test.ts.
async function setK(slug: string, k: number) {
	await database.db.update(waves).set({ minGroupSize: k }).where(eq(waves.slug, slug));
}

describe('filters (k = 1)', () => {
	beforeAll(async () => setK('nu', 1));
	afterAll(async () => setK('nu', 3));

	it('counts partial responses when asked', async () => {
		const wave = await results({ slug: 'nu', includePartial: true });
		expect(wave.responses).toEqual({ complete: 13, partial: 1 });
		// The partial response in Boden answered behov 10 and ledning_delar ja.
		expect(question(wave, 'behov')).toMatchObject({ n: 13, mean: 6.7, median: 7, sd: 2.6 });
		expect(options(question(wave, 'ledning_delar'))[0]).toEqual(['ja', 8, 57.1, [32.6, 78.6]]);
		expect(question(wave, 'vision').n).toBe(13);
	});

	it("counts only an organisation's subtree: Luleå with its department", async () => {
		const lulea = await results({ slug: 'nu', organisation: '2580' });
		expect(lulea.responses).toEqual({ complete: 5, partial: 0 });
		expect(lulea.organisations).toEqual({ invited: 1, responded: 1 });
		expect(lulea.filters.organisation).toBe('2580');
		expect(options(question(lulea, 'vision'))).toEqual([
			['ja', 3, 60, [23.1, 88.2]],
			['nej', 1, 20, [3.6, 62.4]],
			['vet_ej', 1, 20, [3.6, 62.4]]
		]);
		const department = await results({ slug: 'nu', organisation: '2580-it' });
		expect(department.responses.complete).toBe(1);
	});

	it('counts only a role group', async () => {
		const it = await results({ slug: 'nu', roleGroup: 'it' });
		expect(it.responses).toEqual({ complete: 3, partial: 0 });
		expect(question(it, 'behov')).toMatchObject({ n: 3, mean: 9, median: 9, sd: 1 });
	});

	it('computes the figures of a group of a breakdown', async () => {
		const wave = await results({ slug: 'nu', by: 'organisation' });
		const boden = wave.breakdown?.find((g) => g.group === '2582') ?? { questions: [] };
		expect(question(boden, 'behov')).toMatchObject({ n: 3, mean: 6.3, median: 6, sd: 2.5, excluded: 1 });
	});

	it('refuses an unknown organisation or wave', async () => {
		await expect(results({ slug: 'nu', organisation: '9999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(results({ slug: 'finns-inte' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('breakdowns and the small-group rule (k = 3)', () => {
	// Blocks of at least 3 complete responses: Luleå's (its IT people, its own unknown and its IT
	// department's unknown: 5), Piteå's (3), and Boden's with Kiruna's one respondent (5).
	it('hides a municipality with one respondent, and the next smallest so it cannot be derived', async () => {
		const wave = await results({ slug: 'nu', by: 'organisation' });
		expect(wave.breakdown?.map((g) => [g.group, g.label, g.n, g.suppressed])).toEqual([
			['2582', 'Boden', null, true],
			['2584', 'Kiruna', null, true],
			['2580', 'Luleå', 5, false],
			['2581', 'Piteå', 3, false]
		]);
		const hidden = wave.breakdown?.filter((g) => g.suppressed) ?? [];
		expect(hidden.every((g) => g.questions.length === 0 && g.n === null)).toBe(true);
		// The total is unchanged by a breakdown.
		expect(question(wave, 'vision').n).toBe(13);
		const lulea = wave.breakdown?.find((g) => g.group === '2580') ?? { questions: [] };
		expect(options(question(lulea, 'vision'))).toEqual([
			['ja', 3, 60, [23.1, 88.2]],
			['nej', 1, 20, [3.6, 62.4]],
			['vet_ej', 1, 20, [3.6, 62.4]]
		]);
		expect(question(lulea, 'stod').themes).toEqual([
			{ label: 'Samordning', count: 2 },
			{ label: 'Goda exempel', count: 1 },
			{ label: 'Oanvänd', count: 0 }
		]);
	});

	it('hides two small departments and, as together they are fewer than k, the groups they share blocks with', async () => {
		const wave = await results({ slug: 'nu', by: 'department' });
		// Kiruna (1) and Luleå's IT department (1) would be 2 together: total − shown must not give them away.
		expect(wave.breakdown?.map((g) => [g.group, g.n, g.suppressed])).toEqual([
			['2582', null, true],
			['2584', null, true],
			['2580', null, true],
			['2580-it', null, true],
			['2581', 3, false]
		]);
		const hidden = wave.breakdown?.filter((g) => g.suppressed).length ?? 0;
		expect(hidden).toBe(4);
	});

	it('hides role groups that share a block with another role group', async () => {
		// Luleå's three IT people share its block with its two of unknown role: showing "IT" beside Luleå
		// would give away those two.
		for (const groupFigures of ['questions', 'counts'] as const) {
			const wave = await results({ slug: 'nu', by: 'role', groupFigures });
			expect(wave.breakdown?.map((g) => [g.group, g.label, g.n, g.suppressed])).toEqual([
				['it', 'IT', null, true],
				['verksamhet', 'Verksamhet', null, true],
				[null, 'Uppgift saknas', null, true]
			]);
		}
		await expect(results({ slug: 'nu', roleGroup: 'it' })).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		await expect(results({ slug: 'nu', organisation: '2580-it' })).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
	});

	it('breaks down by role group, in the questionnaire order, unknown last', async () => {
		await setK('nu', 1);
		try {
			const wave = await results({ slug: 'nu', by: 'role' });
			expect(wave.breakdown?.map((g) => [g.group, g.label, g.n, g.suppressed])).toEqual([
				['it', 'IT', 3, false],
				['verksamhet', 'Verksamhet', 4, false],
				[null, 'Uppgift saknas', 6, false]
			]);
			// Counted only (what the report's method section shows): the same groups and counts, the whole
			// wave's figures unchanged, and no figures per group.
			const counted = await results({ slug: 'nu', by: 'role', groupFigures: 'counts' });
			expect(counted.breakdown?.map((g) => [g.group, g.label, g.n, g.suppressed, g.questions])).toEqual([
				['it', 'IT', 3, false, []],
				['verksamhet', 'Verksamhet', 4, false, []],
				[null, 'Uppgift saknas', 6, false, []]
			]);
			expect(counted.questions).toEqual(wave.questions);
			expect(counted.responses).toEqual(wave.responses);
			expect(wave.breakdown?.[0]?.questions.length).toBeGreaterThan(0);
		} finally {
			await setK('nu', 3);
		}
	});

	it('refuses the whole wave with partial responses: its one partial response could be subtracted', async () => {
		await expect(results({ slug: 'nu', includePartial: true })).rejects.toMatchObject({
			code: 'SMALL_GROUP'
		});
	});

	it('gives an empty breakdown and empty figures for a wave with no responses', async () => {
		const wave = await results({ slug: 'tom', by: 'organisation' });
		expect(wave.responses).toEqual({ complete: 0, partial: 0 });
		expect(wave.organisations).toEqual({ invited: 0, responded: 0 });
		expect(wave.breakdown).toEqual([]);
		expect(question(wave, 'behov')).toMatchObject({
			n: 0,
			mean: null,
			median: null,
			sd: null,
			excluded: 0,
			topBox: { from: 7, count: 0, percent: null, ci95: null }
		});
		for (const q of wave.questions) {
			expect(q.n).toBe(0);
			expect(q.options.every((o) => o.count === 0 && o.percent === null && o.ci95 === null)).toBe(true);
		}
	});
});

describe('change since the previous wave (Newcombe intervals)', () => {
	it('flags a difference whose interval excludes 0, and only that', async () => {
		const change = ZWaveChange.parse(await getWaveChange(database.db, { slug: 'nu', previous: 'forra' }));
		expect(change.responses).toEqual({ current: 13, previous: 10 });
		const vision = change.questions.find((q) => q.code === 'vision');
		expect(vision?.n).toEqual({ current: 13, previous: 10 });
		expect(
			vision?.options.map((o) => [
				o.code,
				o.previous?.percent,
				o.current.percent,
				o.difference,
				o.ci95,
				o.changed
			])
		).toEqual([
			// 1 of 10 → 9 of 13
			['ja', 10, 69.2, 59.2, [18.7, 79.1], true],
			['nej', 90, 23.1, -66.9, [-83.9, -26.1], true],
			['vet_ej', 0, 7.7, 7.7, [-20.8, 33.3], false]
		]);
		const ledning = change.questions.find((q) => q.code === 'ledning_delar');
		// 5 of 10 → 7 of 13: +3.8 points, but the interval spans 0.
		expect(ledning?.options[0]).toMatchObject({ difference: 3.8, ci95: [-32.3, 38.8], changed: false });
		const behov = change.questions.find((q) => q.code === 'behov');
		expect(behov?.mean).toEqual({ current: 6.4, previous: 5, difference: 1.4 });
		// Top box 0 of 10 → 6 of 12.
		expect(behov?.topBox).toMatchObject({ from: 7, difference: 50, ci95: [12.9, 74.6], changed: true });
	});

	it('lists a question the previous wave did not ask as not comparable', async () => {
		const change = await getWaveChange(database.db, { slug: 'nu', previous: 'forra', lang: 'en' });
		expect(change.notComparable).toEqual([
			{ code: 'ny_fraga', reason: 'only-in-this-wave', message: 'Not asked in the previous wave.' }
		]);
		expect(change.questions.some((q) => q.code === 'ny_fraga')).toBe(false);
	});

	it('compares within a filter, and refuses comparing a wave with itself', async () => {
		const lulea = await getWaveChange(database.db, { slug: 'nu', previous: 'forra', organisation: '2580' });
		expect(lulea.responses).toEqual({ current: 5, previous: 10 });
		await expect(getWaveChange(database.db, { slug: 'nu', previous: 'nu' })).rejects.toMatchObject({
			code: 'INVALID_INPUT'
		});
	});
});
