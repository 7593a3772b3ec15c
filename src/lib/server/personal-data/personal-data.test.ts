import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDatabase } from '../db/client.ts';
import { answers, auditLog, messages, participants, participantTokens, responses } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { answerAndSubmit } from '../testing/answer-questionnaire.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { hashToken } from '../tokens.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { emailHash } from './email-hash.ts';
import { erasePerson } from './erase-person.ts';
import { exportPersonalData } from './export-personal-data.ts';
import { findPerson } from './find-person.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const ids: Record<string, string> = {};

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	await createWave(db, { questionnaireCode: Q, name: 'Namngiven', slug: 'namngiven' });
	await createWave(db, { questionnaireCode: Q, name: 'Anonym', slug: 'anonym', anonymous: true });
	for (const slug of ['namngiven', 'anonym']) await setWaveStatus(db, slug, 'open');
	const anna = await addParticipant(db, {
		waveSlug: 'namngiven',
		organisationCode: '2580',
		name: 'Anna Andersson',
		email: 'Anna@Example.org',
		title: 'IT-chef'
	});
	const annaAnon = await addParticipant(db, {
		waveSlug: 'anonym',
		organisationCode: '2580',
		email: 'anna@example.org'
	});
	const bo = await addParticipant(db, {
		waveSlug: 'namngiven',
		organisationCode: '2581',
		email: 'bo@example.org'
	});
	Object.assign(ids, { anna: anna.id, annaAnon: annaAnon.id, bo: bo.id });
	await answerAndSubmit(db, anna.token);
	await answerAndSubmit(db, annaAnon.token);
	await answerAndSubmit(db, bo.token);
	await db.insert(participantTokens).values({ tokenHash: hashToken('extra-link'), participantId: anna.id });
	await db.insert(messages).values({
		waveId: (await db.select().from(participants).where(eq(participants.id, anna.id)))[0]?.waveId,
		participantId: anna.id,
		kind: 'invitation',
		dedupeKey: `invitation:${anna.id}`,
		toAddress: 'Anna@Example.org',
		subject: 'Inbjudan',
		bodyText: 'Hej Anna!',
		status: 'outbox'
	});
	await recordAudit(db, {
		actor: 'analytiker@region.se',
		action: 'invitation.send',
		subject: 'anna@example.org'
	});
});
afterAll(async () => database.close());

/** Every row of every table, as JSON text, that contains `text` (case-insensitive). */
async function rowsMentioning(text: string) {
	const tables = (await database.db.execute(
		sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`
	)) as unknown as { rows: Array<{ table_name: string }> };
	const found: string[] = [];
	for (const { table_name } of tables.rows) {
		const dump = (await database.db.execute(
			sql`select row_to_json(t)::text as row from ${sql.identifier(table_name)} t`
		)) as unknown as { rows: Array<{ row: string }> };
		for (const { row } of dump.rows)
			if (row.toLowerCase().includes(text)) found.push(`${table_name}: ${row}`);
	}
	return found;
}

describe('finding and exporting a person', () => {
	it('finds the participant rows in every wave, whatever the case of the address', async () => {
		const rows = await findPerson(database.db, 'ANNA@example.org');
		expect(rows.map((r) => [r.wave.slug, r.responseStatus, r.hasCompleted])).toEqual([
			['namngiven', 'complete', true],
			['anonym', null, true]
		]);
	});

	it('exports rows, messages, linked answers and audit entries, and logs the export by hash', async () => {
		const data = await exportPersonalData(database.db, {
			email: 'anna@example.org',
			actor: 'admin@region.se'
		});
		expect(data.participants).toHaveLength(2);
		const [named, anonymous] = data.participants;
		expect(named).toMatchObject({ name: 'Anna Andersson', title: 'IT-chef', organisation: { code: '2580' } });
		expect(named?.messages.map((m) => [m.kind, m.subject, m.bodyText])).toEqual([
			['invitation', 'Inbjudan', 'Hej Anna!']
		]);
		expect(named?.response?.status).toBe('complete');
		// 12 answer rows: 11 questions answered, `drivande` with two options.
		expect(named?.response?.answers).toHaveLength(12);
		expect(named?.response?.answers.find((a) => a.questionCode === 'behov')?.valueNum).toBe(9);
		// The anonymous wave's answers cannot be found from the person.
		expect(anonymous?.response).toBeNull();
		expect(data.auditEntries.map((e) => e.action)).toEqual(['invitation.send']);
		expect(JSON.stringify(data)).not.toContain('tokenHash');
		const [logged] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'personal_data.export'));
		expect(logged).toMatchObject({ actor: 'admin@region.se', subject: emailHash('anna@example.org') });
		expect(logged?.details).toEqual({ participants: 2, responses: 1 });
	});
});

describe('erasing a person', () => {
	it('deletes their rows, links and messages; answers stay unlinked; the address is gone everywhere', async () => {
		const db = database.db;
		const result = await erasePerson(db, { email: 'anna@example.org', actor: 'admin@region.se' });
		expect(result).toEqual({ participants: 2, messages: 1, responsesDeleted: 0, responsesUnlinked: 1 });
		expect(await findPerson(db, 'anna@example.org')).toEqual([]);
		expect(await db.select().from(participantTokens)).toEqual([]);
		const kept = await db.select().from(responses);
		// Anna's two responses and Bo's stay; Anna's named response has lost the link and the title.
		expect(kept).toHaveLength(3);
		expect(kept.filter((r) => r.participantId === null && r.role === null)).toHaveLength(2);
		expect(await db.select().from(answers)).toHaveLength(36);
		expect(await rowsMentioning('anna@example.org')).toEqual([]);
		expect(await rowsMentioning('anna andersson')).toEqual([]);
		const hashed = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, emailHash('anna@example.org')));
		expect(hashed.map((e) => e.action).sort()).toEqual([
			'invitation.send',
			'personal_data.erase',
			'personal_data.export'
		]);
		expect(hashed.find((e) => e.action === 'personal_data.erase')?.details).toEqual({
			participants: 2,
			messages: 1,
			responsesDeleted: 0,
			responsesUnlinked: 1,
			eraseAnswers: false
		});
	});

	it('deletes the linked answers too when asked', async () => {
		const db = database.db;
		const result = await erasePerson(db, {
			email: 'bo@example.org',
			eraseAnswers: true,
			actor: 'admin@region.se'
		});
		expect(result).toEqual({ participants: 1, messages: 0, responsesDeleted: 1, responsesUnlinked: 0 });
		expect(await db.select().from(responses)).toHaveLength(2);
		expect(await db.select().from(answers)).toHaveLength(24);
		expect(await db.select().from(participants)).toEqual([]);
	});

	it('refuses an address nobody has, and a malformed one', async () => {
		await expect(erasePerson(database.db, { email: 'ingen@example.org', actor: 'a' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(erasePerson(database.db, { email: 'inte en adress', actor: 'a' })).rejects.toThrow();
	});
});
