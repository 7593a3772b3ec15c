import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { auditLog, participants, waves } from '../../src/lib/server/db/schema.ts';
import { addParticipant } from '../../src/lib/server/participants/add-participant.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';
import { type AdminClient, type SeededUser, seedUsers, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import { seedWave } from '../support/seed-wave.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Waves, response rates and personal data over HTTP, as each role reaches them.
let backend: TestBackend;
let server: AppServer;
let users: Record<'admin' | 'analyst' | 'contact' | 'viewer', SeededUser>;
let anonymousToken = '';
const client: Partial<Record<keyof typeof users, AdminClient>> = {};
const as = (role: keyof typeof users) => {
	const c = client[role];
	if (!c) throw new Error(`no client for ${role}`);
	return c;
};

beforeAll(async () => {
	backend = await createTestBackend('dashboard');
	const target = { dataDir: backend.dataDir, url: backend.url };
	// Ten people, one per municipality in code order: Person 10 is in Luleå (the contact's unit).
	await seedWave({ ...target, slug: 'falt', mode: 'invite', participants: 10 });
	const database = await openDatabase(target);
	try {
		// A wave run by Kiruna: Luleå's contact has no business there.
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Kirunas egen',
			slug: 'kirunas-egen',
			ownerCode: '2584'
		});
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Anonym',
			slug: 'anonym',
			anonymous: true
		});
		await setWaveStatus(database.db, 'anonym', 'open');
		anonymousToken = (await addParticipant(database.db, { waveSlug: 'anonym', organisationCode: '2580' }))
			.token;
	} finally {
		await database.close();
	}
	users = await seedUsers(target);
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	for (const role of Object.keys(users) as Array<keyof typeof users>) {
		client[role] = await signInOverHttp(server.url, users[role]);
	}
});
afterAll(async () => {
	await server?.stop();
	await backend?.cleanup();
});

/** Reads the server's database between requests (PostgreSQL only: PGlite belongs to the server). */
async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
	const database = await openDatabase({ url: backend.url });
	try {
		return await fn(database.db);
	} finally {
		await database.close();
	}
}

describe('response rates by role', () => {
	it('give staff every municipality, and a contact their own unit only', async () => {
		const all = await as('viewer').get('/api/v1/waves/falt/status', { accept: 'application/json' });
		expect(all.status).toBe(200);
		const status = JSON.parse(all.body);
		expect(status.organisations).toHaveLength(14);
		expect(status.total).toEqual({ invited: 10, started: 0, completed: 0, rate: 0 });
		const own = await as('contact').get('/api/v1/waves/falt/status', { accept: 'application/json' });
		const scoped = JSON.parse(own.body);
		expect(scoped.organisations.map((o: { name: string; invited: number }) => [o.name, o.invited])).toEqual([
			['Luleå', 1]
		]);
		expect(scoped.headline.sv).toBe('Svar inkom från 0 av 1 kommun, 0 respondenter');
	});

	it('show a contact the dashboard of their unit without names, and no buttons', async () => {
		const page = await as('contact').get('/admin/waves/falt');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Luleå');
		expect(page.body).not.toContain('Arvidsjaur');
		expect(page.body).not.toContain('Person 10');
		expect(page.body).not.toContain('person10@example.org');
		expect(page.body).not.toContain('Stäng för svar');
		expect(page.body).not.toContain('Öppna för svar');
	});

	it('refuse a contact who edits the slug to reach a wave of another organisation: 403 and nothing shown', async () => {
		for (const path of ['/admin/waves/kirunas-egen', '/api/v1/waves/kirunas-egen/status']) {
			const res = await as('contact').get(path, {
				accept: path.startsWith('/api') ? 'application/json' : 'text/html'
			});
			expect(res.status, path).toBe(403);
			expect(res.body).not.toContain('Kirunas egen');
			expect(res.body).not.toContain('Svar inkom');
		}
		const overview = await as('contact').get('/admin');
		expect(overview.body).toContain('Test falt');
		expect(overview.body).not.toContain('Kirunas egen');
		// Staff see it.
		expect((await as('viewer').get('/admin/waves/kirunas-egen')).status).toBe(200);
	});
});

describe('an anonymous wave', () => {
	it('tells the respondent, and counts their answers without naming them', async () => {
		const welcome = await fetch(`${server.url}/s/${anonymousToken}`);
		const html = await welcome.text();
		expect(html).toContain('Dina svar är anonyma');
		expect(html).toContain('dina svar sparas utan koppling till dig');
		await answerWholeQuestionnaire(server.url, anonymousToken, 1);
		const done = await (await fetch(`${server.url}/s/${anonymousToken}`)).text();
		expect(done).toContain('Du har redan svarat');
		const status = JSON.parse((await as('analyst').get('/api/v1/waves/anonym/status')).body);
		expect(status.headline.sv).toBe('Svar inkom från 1 av 1 kommun, 1 respondent');
		expect(status.total).toEqual({ invited: 1, started: 1, completed: 1, rate: 100 });
	});
});

describe('opening and closing a wave', () => {
	it('is refused to viewers and contacts, changing nothing', async () => {
		for (const role of ['viewer', 'contact'] as const) {
			const res = await as(role).post('/admin/waves/falt?/close', []);
			expect(res.status, role).toBe(403);
		}
		const json = JSON.parse((await as('admin').get('/api/v1/waves/falt/status')).body);
		expect(json.wave.status).toBe('open');
	});

	it('works for an analyst, and the audit log names them', async () => {
		const closed = await as('analyst').post('/admin/waves/falt?/close', []);
		expect(closed.status).toBe(303);
		expect(closed.location).toBe('/admin/waves/falt');
		expect(JSON.parse((await as('admin').get('/api/v1/waves/falt/status')).body).wave.status).toBe('closed');
		const log = await as('admin').get('/admin/audit?action=wave.close');
		expect(log.status).toBe(200);
		expect(log.body).toContain(users.analyst.email);
		expect(log.body).toContain('falt');
		expect((await as('analyst').get('/admin/audit')).status).toBe(403);
	});
});

describe('creating a wave in the form', () => {
	it('re-shows the form with a message for each mistake', async () => {
		const res = await as('analyst').post('/admin/waves/new', [
			['questionnaire', 'digital-mognad-i-kommuner@1'],
			['name', ''],
			['mode', 'invite'],
			['k', '0'],
			['deadline', '2024-02-30'],
			['period', ''],
			['senderName', '']
		]);
		expect(res.status).toBe(400);
		expect(res.body).toContain('Skriv ett namn på högst 200 tecken.');
		expect(res.body).toContain('Ange minsta gruppstorlek som ett heltal från 1 till 1000.');
		expect(res.body).toContain('Ange sista svarsdag som ett datum, till exempel 2024-05-31.');
	});

	it('creates an anonymous draft and leads to its dashboard', async () => {
		const res = await as('analyst').post('/admin/waves/new', [
			['questionnaire', 'digital-mognad-i-kommuner@1'],
			['name', 'Våren 2025'],
			['period', 'Våren 2025'],
			['mode', 'invite'],
			['anonymous', 'on'],
			['k', '3'],
			['deadline', '2025-05-31'],
			['senderName', 'Region Norrbotten']
		]);
		expect(res.status).toBe(303);
		expect(res.location).toBe('/admin/waves/varen-2025');
		const page = await as('analyst').get('/admin/waves/varen-2025');
		expect(page.body).toContain('Våren 2025');
		expect(page.body).toContain('anonym');
		expect(page.body).toContain('2025-05-31');
		const again = await as('analyst').post('/admin/waves/new', [
			['questionnaire', 'digital-mognad-i-kommuner@1'],
			['name', 'Våren 2025'],
			['mode', 'open'],
			['k', '5'],
			['deadline', ''],
			['period', ''],
			['senderName', '']
		]);
		expect(again.status).toBe(409);
		expect((await as('viewer').post('/admin/waves/new', [['name', 'x']])).status).toBe(403);
	});
});

describe('personal data', () => {
	it('finds a person and downloads everything about them as an attachment; logged without the address', async () => {
		const found = await as('admin').post('/admin/personal-data?/find', [['email', 'PERSON10@example.org']]);
		expect(found.status).toBe(200);
		expect(found.body).toContain('Person 10');
		const download = await as('admin').post('/admin/personal-data/export', [
			['email', 'person10@example.org']
		]);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-disposition')).toBe('attachment; filename="personuppgifter.json"');
		const data = JSON.parse(download.body);
		expect(data.participants.map((p: { name: string }) => p.name)).toEqual(['Person 10']);
		expect(
			(await as('analyst').post('/admin/personal-data/export', [['email', 'person10@example.org']])).status
		).toBe(403);
		const log = await as('admin').get('/admin/audit?action=personal_data.export');
		expect(log.body).toContain('personal_data.export');
		expect(log.body).not.toContain('person10@example.org');
	});

	it('erases only after a confirmation', async () => {
		const asked = await as('admin').post('/admin/personal-data?/erase', [['email', 'person10@example.org']]);
		expect(asked.status).toBe(200);
		expect(asked.body).toContain('Ja, radera');
		expect(
			(await as('admin').post('/admin/personal-data?/find', [['email', 'person10@example.org']])).body
		).toContain('Person 10');
		const erased = await as('admin').post('/admin/personal-data?/erase', [
			['email', 'person10@example.org'],
			['confirmed', 'yes']
		]);
		expect(erased.status).toBe(200);
		expect(erased.body).toContain('Raderat: 1 deltagarrader och 0 utskick.');
		const after = await as('admin').post('/admin/personal-data?/find', [['email', 'person10@example.org']]);
		expect(after.body).toContain('Träffar: 0');
		const invited = JSON.parse((await as('admin').get('/api/v1/waves/falt/status')).body).total.invited;
		expect(invited).toBe(9);
		expect(
			(
				await as('viewer').post('/admin/personal-data?/erase', [
					['email', 'person1@example.org'],
					['confirmed', 'yes']
				])
			).status
		).toBe(403);
		if (backend.url) {
			const stored = await withDatabase(async (db) => ({
				people: await db.select().from(participants).where(eq(participants.email, 'person1@example.org')),
				erasures: await db.select().from(auditLog).where(eq(auditLog.action, 'personal_data.erase')),
				wave: await db.select().from(waves).where(eq(waves.slug, 'falt'))
			}));
			expect(stored.people).toHaveLength(1);
			expect(stored.erasures).toHaveLength(1);
			expect(JSON.stringify(stored.erasures)).not.toContain('person10');
		}
	});
});
