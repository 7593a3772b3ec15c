import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { participants, responses, waves } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { allRequiredAnswers, answerAndSubmit, startAnswering } from '../testing/answer-questionnaire.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { hashToken } from '../tokens.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { anonymousResponseKey } from './anonymous-response-key.ts';
import { resolveRespondent } from './resolve-respondent.ts';
import { saveSection } from './save-section.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const people: Record<'anna' | 'bo' | 'cia', { id: string; token: string }> = {} as never;

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	await createWave(db, { questionnaireCode: Q, name: 'Anonym', slug: 'anonym', anonymous: true });
	await setWaveStatus(db, 'anonym', 'open');
	for (const [key, name] of [
		['anna', 'Anna Andersson'],
		['bo', 'Bo Berg'],
		['cia', 'Cia Ek']
	] as const) {
		people[key] = await addParticipant(db, {
			waveSlug: 'anonym',
			organisationCode: '2506',
			name,
			email: `${key}@arjeplog.se`,
			title: 'IT-chef'
		});
		await db.update(participants).set({ roleGroup: 'it' }).where(eq(participants.id, people[key].id));
	}
	expect(await answerAndSubmit(db, people.anna.token)).toEqual({ status: 'submitted' });
	await startAnswering(db, people.bo.token);
});
afterAll(async () => database.close());

async function waveResponses() {
	const [wave] = await database.db.select().from(waves).where(eq(waves.slug, 'anonym'));
	return database.db
		.select()
		.from(responses)
		.where(eq(responses.waveId, wave?.id ?? ''));
}

describe('an anonymous wave', () => {
	it('stores responses without the participant, their title or any of their hashes', async () => {
		const rows = await waveResponses();
		expect(rows).toHaveLength(2);
		for (const r of rows) {
			expect(r.participantId).toBeNull();
			expect(r.role).toBeNull();
			expect(r.roleGroup).toBe('it');
		}
		expect(rows.map((r) => r.status).sort()).toEqual(['complete', 'partial']);
	});

	it('lets each respondent continue with their link, and marks only who has completed', async () => {
		const anna = await resolveRespondent(database.db, people.anna.token);
		expect(anna?.response?.status).toBe('complete');
		expect(anna?.completed).toBe(true);
		const bo = await resolveRespondent(database.db, people.bo.token);
		expect(bo?.response?.status).toBe('partial');
		expect(bo?.answers).toEqual(allRequiredAnswers.behov);
		const cia = await resolveRespondent(database.db, people.cia.token);
		expect(cia?.response).toBeNull();
		expect(cia?.completed).toBe(false);
	});

	it('keeps reminders working: only those who have not completed are left to remind', async () => {
		const [wave] = await database.db.select().from(waves).where(eq(waves.slug, 'anonym'));
		const due = await database.db
			.select({ name: participants.name })
			.from(participants)
			.where(
				and(
					eq(participants.waveId, wave?.id ?? ''),
					eq(participants.hasCompleted, false),
					isNull(participants.optedOutAt)
				)
			);
		expect(due.map((p) => p.name).sort()).toEqual(['Bo Berg', 'Cia Ek']);
	});

	it('has no row in any table that names both a participant and their response', async () => {
		const db = database.db;
		const rows = await waveResponses();
		const stored = await db.select().from(participants).where(eq(participants.id, people.anna.id));
		const anna = stored[0];
		if (!anna) throw new Error('no participant');
		const personMarks = [anna.id, anna.tokenHash, anna.email ?? '', anna.name ?? ''];
		const tables = (await db.execute(
			sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
		)) as unknown as { rows: Array<{ table_name: string }> };
		expect(tables.rows.length).toBeGreaterThan(10);
		let checked = 0;
		for (const { table_name } of tables.rows) {
			const dump = (await db.execute(
				sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`
			)) as unknown as { rows: Array<{ row: string }> };
			for (const { row } of dump.rows) {
				checked++;
				const namesPerson = personMarks.some((mark) => row.includes(mark));
				const namesResponse = rows.some((r) => row.includes(r.id) || row.includes(r.resumeTokenHash ?? '-'));
				expect(namesPerson && namesResponse, `${table_name}: ${row}`).toBe(false);
			}
		}
		expect(checked).toBeGreaterThan(20);
		// Nor can the response's key be computed from what is stored about the participant.
		const keys = new Set(rows.map((r) => r.resumeTokenHash));
		for (const p of await db.select().from(participants)) {
			expect(keys.has(anonymousResponseKey(p.tokenHash))).toBe(false);
			expect(keys.has(hashToken(p.tokenHash))).toBe(false);
			expect(keys.has(p.tokenHash)).toBe(false);
		}
	});

	it('refuses changes after submitting, even where no response can be found', async () => {
		const anna = await resolveRespondent(database.db, people.anna.token);
		if (!anna) throw new Error('unknown token');
		const section = anna.questionnaire.sections[0];
		if (!section) throw new Error('no section');
		// As if the response could not be found again (another link of the same person).
		const withoutResponse = { ...anna, response: null, answers: {} };
		await expect(
			saveSection(database.db, {
				respondent: withoutResponse,
				section,
				answers: {},
				currentSection: section.code,
				lang: 'sv'
			})
		).rejects.toMatchObject({ code: 'RESPONSE_COMPLETE' });
		expect(await waveResponses()).toHaveLength(2);
	});
});

describe('a wave that is not anonymous', () => {
	it('links the response to the participant and also marks them as completed', async () => {
		const db = database.db;
		await createWave(db, { questionnaireCode: Q, name: 'Namngiven', slug: 'namngiven' });
		await setWaveStatus(db, 'namngiven', 'open');
		const p = await addParticipant(db, { waveSlug: 'namngiven', organisationCode: '2506', title: 'IT-chef' });
		await answerAndSubmit(db, p.token);
		const [row] = await db.select().from(responses).where(eq(responses.participantId, p.id));
		expect(row?.status).toBe('complete');
		expect(row?.role).toBe('IT-chef');
		const [participant] = await db.select().from(participants).where(eq(participants.id, p.id));
		expect(participant?.hasCompleted).toBe(true);
	});
});
