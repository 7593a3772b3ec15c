import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { organisations, participants } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { startOpenResponse } from '../responses/start-open-response.ts';
import { answerAndSubmit, startAnswering } from '../testing/answer-questionnaire.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from './create-wave.ts';
import { getWaveStatus } from './get-wave-status.ts';
import { setWaveStatus } from './set-wave-status.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const ids: Record<string, string> = {};

async function orgId(code: string): Promise<string> {
	const [row] = await database.db.select().from(organisations).where(eq(organisations.code, code));
	if (!row) throw new Error(code);
	return row.id;
}

/** Invites one person; role group as an analyst would set it from the title. */
async function invite(code: string, roleGroup: string | null) {
	const p = await addParticipant(database.db, { waveSlug: 'status', organisationCode: code });
	await database.db.update(participants).set({ roleGroup }).where(eq(participants.id, p.id));
	return p.token;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	ids.lulea = await orgId('2580');
	const [dept] = await db
		.insert(organisations)
		.values({ parentId: ids.lulea, code: '2580-soc', name: 'Socialförvaltningen', kind: 'department' })
		.returning();
	ids.dept = dept?.id ?? '';
	await createWave(db, { questionnaireCode: Q, name: 'Status', slug: 'status' });
	await setWaveStatus(db, 'status', 'open');
	// Luleå: 3 invited + 1 in its department; Piteå 2; Kiruna 1.
	const p1 = await invite('2580', 'it');
	const p2 = await invite('2580', 'it');
	await invite('2580', 'politisk_ledning');
	const p4 = await invite('2580-soc', 'verksamhet');
	const p5 = await invite('2581', 'it');
	await invite('2581', null);
	const p7 = await invite('2584', 'digital_utveckling');
	await answerAndSubmit(db, p1);
	await startAnswering(db, p2);
	await answerAndSubmit(db, p4);
	await answerAndSubmit(db, p5);
	await startAnswering(db, p7);
});
afterAll(async () => database.close());

const counts = (r: { invited: number | null; started: number; completed: number; rate: number | null }) => [
	r.invited,
	r.started,
	r.completed,
	r.rate
];

describe('response rates of an invitation wave', () => {
	it('count invited, started and completed per municipality, with departments rolled up', async () => {
		const status = await getWaveStatus(database.db, 'status');
		expect(status.organisations).toHaveLength(14);
		const byName = Object.fromEntries(status.organisations.map((o) => [o.name, counts(o)]));
		expect(byName.Luleå).toEqual([4, 3, 2, 50]);
		expect(byName.Piteå).toEqual([2, 1, 1, 50]);
		expect(byName.Kiruna).toEqual([1, 1, 0, 0]);
		expect(byName.Boden).toEqual([0, 0, 0, null]);
		// 3 of 7 = 42,857… %
		expect(counts(status.total)).toEqual([7, 5, 3, 42.9]);
		expect(status.organisations.map((o) => o.name).slice(-3)).toEqual(['Älvsbyn', 'Överkalix', 'Övertorneå']);
	});

	it('count per role group, in the questionnaire’s order, with the unknown group last', async () => {
		const status = await getWaveStatus(database.db, 'status');
		expect(status.roleGroups.map((g) => [g.code, ...counts(g)])).toEqual([
			['politisk_ledning', 1, 0, 0, 0],
			['it', 3, 3, 2, 66.7],
			['digital_utveckling', 1, 1, 0, 0],
			['verksamhet', 1, 1, 1, 100],
			[null, 1, 0, 0, 0]
		]);
		expect(status.roleGroups[1]?.label).toEqual({ sv: 'IT', en: 'IT' });
	});

	it('give the headline from the invited units and complete responses', async () => {
		const { headline } = await getWaveStatus(database.db, 'status');
		expect(headline.sv).toBe('Svar inkom från 2 av 3 kommuner, 3 respondenter');
		expect(headline.en).toBe('Responses came from 2 of 3 municipalities, 3 respondents');
	});

	it("show an organisation contact their own unit's subtree only", async () => {
		const lulea = await getWaveStatus(database.db, 'status', {
			organisationIds: [ids.lulea ?? '', ids.dept ?? '']
		});
		expect(lulea.organisations.map((o) => [o.name, ...counts(o)])).toEqual([['Luleå', 4, 3, 2, 50]]);
		expect(lulea.headline.sv).toBe('Svar inkom från 1 av 1 kommun, 2 respondenter');
		expect(counts(lulea.total)).toEqual([4, 3, 2, 50]);
		expect(lulea.roleGroups.map((g) => [g.code, ...counts(g)])).toEqual([
			['politisk_ledning', 1, 0, 0, 0],
			['it', 2, 2, 1, 50],
			['verksamhet', 1, 1, 1, 100]
		]);
		const department = await getWaveStatus(database.db, 'status', { organisationIds: [ids.dept ?? ''] });
		expect(department.organisations.map((o) => [o.name, ...counts(o)])).toEqual([['Luleå', 1, 1, 1, 100]]);
		expect(department.headline.sv).toBe('Svar inkom från 1 av 1 kommun, 1 respondent');
		const nothing = await getWaveStatus(database.db, 'status', { organisationIds: [] });
		expect(nothing.organisations).toEqual([]);
		expect(counts(nothing.total)).toEqual([0, 0, 0, null]);
	});
});

describe('response rates of an open-link wave', () => {
	it('have no invited count and no rate, only started and completed', async () => {
		const db = database.db;
		await createWave(db, { questionnaireCode: Q, name: 'Öppen status', slug: 'oppen-status', mode: 'open' });
		await setWaveStatus(db, 'oppen-status', 'open');
		const start = (organisationId: string, roleGroup: string) =>
			startOpenResponse(db, { waveSlug: 'oppen-status', organisationId, roleGroup });
		const kalix = await orgId('2514');
		const boden = await orgId('2582');
		const first = await start(kalix, 'it');
		await answerAndSubmit(db, first.token, { openStart: first.pass });
		const second = await start(kalix, 'it');
		await startAnswering(db, second.token, { openStart: second.pass });
		const third = await start(boden, 'naringsliv');
		await answerAndSubmit(db, third.token, { openStart: third.pass });
		// A start that saved nothing leaves no row and is not counted as started.
		await start(boden, 'it');
		const status = await getWaveStatus(db, 'oppen-status');
		expect(status.hasInvitations).toBe(false);
		const byName = Object.fromEntries(status.organisations.map((o) => [o.name, counts(o)]));
		expect(byName.Kalix).toEqual([null, 2, 1, null]);
		expect(byName.Boden).toEqual([null, 1, 1, null]);
		expect(counts(status.total)).toEqual([null, 3, 2, null]);
		expect(status.roleGroups.map((g) => [g.code, ...counts(g)])).toEqual([
			['it', null, 2, 1, null],
			['naringsliv', null, 1, 1, null]
		]);
		expect(status.headline.sv).toBe('Svar inkom från 2 av 14 kommuner, 2 respondenter');
	});
});
