import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { auditLog, sessions, users } from '../../src/lib/server/db/schema.ts';
import { type AdminClient, clientWithCookie, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Accounts through HTTP as browsers use them, on a fresh database: setup, sign-in, refusals, sessions.
let backend: TestBackend;
let server: AppServer;
const ADMIN = { email: 'ada@example.org', password: 'administratörens lösenord' };
let admin: AdminClient;

const form = (fields: Record<string, string>) => Object.entries(fields);
const post = (path: string, fields: Array<[string, string]>, origin = server.url) =>
	fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
const sessionCookie = (res: Response) =>
	res.headers.getSetCookie().find((c) => c.startsWith('mognad_session='));
const withDatabase = async <T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
	const database = await openDatabase({ dataDir: backend.dataDir, url: backend.url });
	try {
		return await run(database.db);
	} finally {
		await database.close();
	}
};

beforeAll(async () => {
	backend = await createTestBackend('accounts');
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
});
afterAll(async () => {
	await server?.stop();
	await backend?.cleanup();
});

describe('the first start', () => {
	it('points staff to the setup page, which refuses a short password with a clear message', async () => {
		expect(await (await fetch(server.url)).text()).toContain('href="/setup"');
		const res = await post(
			'/setup',
			form({ name: 'Ada', email: ADMIN.email, password: 'kort', password2: 'kort' })
		);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Lösenordet måste ha minst 12 tecken.');
		expect(html).toContain('href="#f-password"');
		expect(html).not.toContain('value="kort"');
		expect(sessionCookie(res)).toBeUndefined();
	});

	it('creates exactly one administrator when two setups are posted at once, then is gone', async () => {
		const [a, b] = await Promise.all([
			post(
				'/setup',
				form({ name: 'Ada', email: ADMIN.email, password: ADMIN.password, password2: ADMIN.password })
			),
			post(
				'/setup',
				form({ name: 'Bea', email: 'bea@example.org', password: ADMIN.password, password2: ADMIN.password })
			)
		]);
		const statuses = [a?.status, b?.status];
		expect(statuses.sort()).toEqual([303, 404]);
		const winner = a?.status === 303 ? a : b;
		expect(winner?.headers.get('location')).toBe('/admin');
		expect(sessionCookie(winner as Response)).toMatch(
			/^mognad_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/
		);
		expect((await fetch(`${server.url}/setup`)).status).toBe(404);
		// Sign in as whoever won, for the tests below.
		ADMIN.email = a?.status === 303 ? ADMIN.email : 'bea@example.org';
		admin = await signInOverHttp(server.url, ADMIN);
		expect((await admin.get('/admin')).status).toBe(200);
	});
});

describe('signing in', () => {
	it('refuses a wrong password with a clear message, keeps the address, sets no cookie', async () => {
		const res = await post('/login', form({ email: ADMIN.email, password: 'fel lösenord här' }));
		expect(res.status).toBe(400);
		expect(sessionCookie(res)).toBeUndefined();
		const html = await res.text();
		expect(html).toMatch(/class="error-summary" role="alert"[\s\S]*Fel e-postadress eller lösenord\./);
		expect(html).toContain(`value="${ADMIN.email}"`);
		expect(html).not.toContain('fel lösenord här');
	});

	it('goes back to the page asked for, but never to another site', async () => {
		const to = async (next: string) =>
			(await post('/login', form({ email: ADMIN.email, password: ADMIN.password, next }))).headers.get(
				'location'
			);
		expect(await to('/admin/account?x=1')).toBe('/admin/account?x=1');
		for (const next of [
			'//evil.example/',
			'https://evil.example/',
			'/\\evil.example',
			'javascript:alert(1)'
		]) {
			expect(await to(next), next).toBe('/admin');
		}
		const anonymous = await fetch(`${server.url}/admin/users`, { redirect: 'manual' });
		expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
	});

	it('blocks an account after five failures and says when to try again', async () => {
		for (let i = 0; i < 5; i++) {
			expect(
				(await post('/login', form({ email: 'offer@example.org', password: `gissning ${i}` }))).status
			).toBe(400);
		}
		const blocked = await post('/login', form({ email: 'offer@example.org', password: 'gissning 6' }));
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(
			/För många misslyckade inloggningar\. Vänta 1[45] minuter och försök igen \(efter kl\. \d\d:\d\d\)\./
		);
	});
});

describe('administering users', () => {
	let newPassword = '';

	it('creates a user with a generated password shown once', async () => {
		const res = await admin.post(
			'/admin/users?/create',
			form({ name: 'Ana Lys', email: 'Ana@Example.org', role: 'analyst', organisation: '' })
		);
		expect(res.status).toBe(200);
		newPassword = /id="new-password">([\w-]{24})</.exec(res.body)?.[1] ?? '';
		expect(newPassword).not.toBe('');
		const page = await admin.get('/admin/users');
		expect(page.body).toContain('ana@example.org');
		expect(page.body).not.toContain(newPassword);
		const ana = await signInOverHttp(server.url, { email: 'ana@example.org', password: newPassword });
		expect((await ana.get('/admin')).status).toBe(200);
		expect((await ana.get('/admin/users')).status).toBe(403);
	});

	it('refuses a contact without an organisation, and a taken address, changing nothing', async () => {
		const contact = await admin.post(
			'/admin/users?/create',
			form({ name: 'Kim', email: 'kim@lulea.se', role: 'contact', organisation: '' })
		);
		expect(contact.status).toBe(400);
		expect(contact.body).toContain('Välj organisation för en kontaktperson.');
		const taken = await admin.post(
			'/admin/users?/create',
			form({ name: 'Igen', email: 'ANA@example.org', role: 'viewer', organisation: '' })
		);
		expect(taken.status).toBe(400);
		expect(taken.body).toContain('Det finns redan ett konto med den e-postadressen.');
		const list = (await admin.get('/admin/users')).body;
		expect(list).not.toContain('kim@lulea.se');
		expect(list.match(/ana@example\.org/g)).toHaveLength(1);
	});

	it('refuses a forged cross-site post (wrong Origin) with 403 and changes nothing', async () => {
		const forged = await admin.post(
			'/admin/users?/create',
			form({ name: 'Fake', email: 'fake@example.org', role: 'admin', organisation: '' }),
			{ origin: 'https://evil.example' }
		);
		expect(forged.status).toBe(403);
		const signOut = await admin.post('/logout', [], { origin: 'https://evil.example' });
		expect(signOut.status).toBe(403);
		const list = await admin.get('/admin/users');
		expect(list.status).toBe(200);
		expect(list.body).not.toContain('fake@example.org');
	});

	it('changes a role and disables a user, whose session then ends; a non-admin cannot', async () => {
		const ana = await signInOverHttp(server.url, { email: 'ana@example.org', password: newPassword });
		const anaId =
			/name="user" value="([0-9a-f-]{36})"/.exec((await admin.get('/admin/users')).body)?.[1] ?? '';
		const sneaky = await ana.post(
			'/admin/users?/role',
			form({ user: anaId, role: 'admin', organisation: '' })
		);
		expect(sneaky.status).toBe(403);
		const changed = await admin.post(
			'/admin/users?/role',
			form({ user: anaId, role: 'viewer', organisation: '' })
		);
		expect(changed.status).toBe(200);
		expect(changed.body).toContain('Ana Lys är nu läsare.');
		const disabled = await admin.post('/admin/users?/disable', form({ user: anaId }));
		expect(disabled.body).toContain('Ana Lys är avstängd och utloggad.');
		const after = await ana.get('/admin');
		expect(after.status).toBe(303);
		expect(after.location).toBe('/login?next=%2Fadmin');
		const again = await post('/login', form({ email: 'ana@example.org', password: newPassword }));
		expect(again.status).toBe(400);
		// An id edited in the form is not found.
		const edited = await admin.post(
			'/admin/users?/disable',
			form({ user: '00000000-0000-0000-0000-000000000000' })
		);
		expect(edited.status).toBe(404);
	});

	it('creates an API token shown once, and revokes it', async () => {
		const created = await admin.post('/admin/account?/create', form({ name: 'Nattlig export' }));
		const token = /id="new-token">([\w-]{43})</.exec(created.body)?.[1];
		expect(token).toBeDefined();
		const page = await admin.get('/admin/account');
		expect(page.body).toContain('Nattlig export');
		expect(page.body).not.toContain(token);
		const id = /name="token" value="([0-9a-f-]{36})"/.exec(page.body)?.[1] ?? '';
		const revoked = await admin.post('/admin/account?/revoke', form({ token: id }));
		expect(revoked.body).toContain('Nyckeln "Nattlig export" är återkallad.');
	});
});

describe('sessions', () => {
	it('signing out ends the session on the server', async () => {
		const second = await signInOverHttp(server.url, ADMIN);
		const out = await second.post('/logout', []);
		expect(out.status).toBe(303);
		expect(out.location).toBe('/login?signed-out');
		expect(out.headers.getSetCookie().join()).toMatch(
			/mognad_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/
		);
		// The old cookie, replayed, no longer works.
		expect((await second.get('/admin')).status).toBe(303);
		// A GET of /logout only offers the button.
		expect((await admin.get('/logout')).body).toContain('<form method="POST">');
		expect((await admin.get('/admin')).status).toBe(200);
	});

	it('an expired session leads to the sign-in page', async () => {
		await server.stop();
		const [before] = await withDatabase((db) =>
			db
				.update(sessions)
				.set({ expiresAt: new Date(Date.now() - 1000) })
				.returning()
		);
		expect(before).toBeDefined();
		server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
		const stale = clientWithCookie(server.url, admin.cookie);
		const res = await stale.get('/admin/users');
		expect(res.status).toBe(303);
		expect(res.location).toBe('/login?next=%2Fadmin%2Fusers');
		expect(res.headers.getSetCookie().join()).toMatch(/mognad_session=;/);
	});

	it('the audit log holds sign-ins, failures, creation, role change and disabling', async () => {
		await server.stop();
		const entries = await withDatabase((db) => db.select().from(auditLog));
		const actions = new Set(entries.map((e) => e.action));
		for (const action of [
			'user.create',
			'auth.sign_in',
			'auth.sign_in_failed',
			'auth.sign_in_blocked',
			'user.role_change',
			'user.disable',
			'auth.sign_out',
			'api_token.create',
			'api_token.revoke'
		]) {
			expect(actions, action).toContain(action);
		}
		const roleChange = entries.find((e) => e.action === 'user.role_change');
		expect(roleChange).toMatchObject({
			actor: ADMIN.email,
			subject: 'ana@example.org',
			details: { from: 'analyst', to: 'viewer' }
		});
		expect(JSON.stringify(entries)).not.toContain(ADMIN.password);
		const [ana] = await withDatabase((db) =>
			db.select().from(users).where(eq(users.email, 'ana@example.org'))
		);
		expect(ana?.disabledAt).toBeInstanceOf(Date);
	});
});
