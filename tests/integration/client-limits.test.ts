import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { responses, waves } from '../../src/lib/server/db/schema.ts';
import { seedUser } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';

// Behind one proxy that appends the client's address to X-Forwarded-For; plain HTTP requests play both.
const dataDir = seededDataDir();
let server: AppServer;
let invitedToken: string;
let organisationId: string;
const ADMIN = { email: 'admin@example.org', password: 'admin-lösenord-som-är-långt' };

beforeAll(async () => {
	await seedWave({ dataDir, slug: 'oppen-grans', mode: 'open' });
	({
		tokens: [invitedToken = '']
	} = await seedWave({ dataDir, slug: 'inbjuden-grans', mode: 'invite', participants: 1 }));
	await seedUser({ dataDir, role: 'admin', ...ADMIN });
	server = await startAppServer({
		dataDir,
		env: { CLIENT_ADDRESS_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_DEPTH: '1', OPEN_START_LIMIT: '3' }
	});
	const page = await (await fetch(`${server.url}/o/oppen-grans`)).text();
	organisationId = /<option value="([0-9a-f-]{36})"/.exec(page)?.[1] ?? '';
});
afterAll(async () => {
	await server?.stop();
	removeDataDir(dataDir);
});

async function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...headers
		},
		body: new URLSearchParams(fields).toString()
	});
	return {
		status: res.status,
		location: res.headers.get('location'),
		cookies: res.headers.getSetCookie(),
		body: await res.text()
	};
}

const from = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });
const start = (forwardedFor: string, extra: Record<string, string> = {}) =>
	post('/o/oppen-grans', { organisation: organisationId, role_group: 'it', ...extra }, from(forwardedFor));
const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ');

describe('an open link behind a proxy', () => {
	it('makes the link token itself: a token the client posts is ignored', async () => {
		const chosen = 'A'.repeat(43);
		const res = await start('203.0.113.10', { _resume: chosen, resumeToken: chosen });
		expect(res.status).toBe(303);
		const token = /^\/s\/([A-Za-z0-9_-]{43})$/.exec(res.location ?? '')?.[1];
		expect(token).toBeDefined();
		expect(token).not.toBe(chosen);
		// The start is held by the browser until a page is saved: the link alone does not work yet.
		expect((await fetch(`${server.url}/s/${token}`)).status).toBe(404);
		const withCookie = await fetch(`${server.url}/s/${token}`, {
			headers: { cookie: cookieHeader(res.cookies) }
		});
		expect(withCookie.status).toBe(200);
		expect((await fetch(`${server.url}/s/${chosen}`)).status).toBe(404);
		// Saving the first page creates the response; then the link works anywhere.
		const saved = await post(
			`/s/${token}/sida/behov`,
			{ 'q.behov': '6', 'q.ledning_delar': 'ja', _action: 'next' },
			{ cookie: cookieHeader(res.cookies) }
		);
		expect(saved.status).toBe(303);
		expect((await fetch(`${server.url}/s/${token}`)).status).toBe(200);
	});

	it("does not offer an invited participant's link as a response to continue", async () => {
		const page = await fetch(`${server.url}/o/oppen-grans`, {
			headers: { cookie: `resume_oppen-grans=${invitedToken}` }
		});
		const html = await page.text();
		expect(html).not.toContain(`/s/${invitedToken}`);
		expect(html).not.toContain('Du har påbörjat enkäten');
	});

	it('limits starts per client address (3 here), not per proxy, and a client cannot spoof its way out', async () => {
		// 203.0.113.10 started once above.
		expect((await start('203.0.113.10')).status).toBe(303);
		expect((await start('203.0.113.10')).status).toBe(303);
		const limited = await start('203.0.113.10');
		expect(limited.status).toBe(429);
		expect(limited.body).toContain('Många har börjat svara från samma nätverk just nu.');
		// Another client behind the same proxy is counted on its own.
		expect((await start('203.0.113.11')).status).toBe(303);
		// Entries a client writes before the proxy's own are not believed.
		expect((await start('198.51.100.99, 203.0.113.10')).status).toBe(429);
		expect((await start('203.0.113.11, 203.0.113.10')).status).toBe(429);
	});

	it('keeps no response row for starts that saved nothing', async () => {
		await server.stop();
		const database = await openDatabase({ dataDir });
		try {
			const [wave] = await database.db.select().from(waves).where(eq(waves.slug, 'oppen-grans'));
			const rows = await database.db
				.select()
				.from(responses)
				.where(eq(responses.waveId, wave?.id ?? ''));
			// Four starts succeeded; only the one that saved a page has a row.
			expect(rows).toHaveLength(1);
		} finally {
			await database.close();
		}
		server = await startAppServer({
			dataDir,
			env: { CLIENT_ADDRESS_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_DEPTH: '1', OPEN_START_LIMIT: '3' }
		});
	});
});

describe('signing in behind a proxy', () => {
	const signIn = (forwardedFor: string, password: string, email = ADMIN.email) =>
		post('/login', { email, password }, from(forwardedFor));

	it('throttles failures per forwarded address, ignores spoofed entries, and never refuses the right password', async () => {
		for (let i = 0; i < 20; i++) {
			expect((await signIn('192.0.2.50', 'fel fel fel fel', `gissning${i}@example.org`)).status).toBe(400);
		}
		expect((await signIn('192.0.2.50', 'fel fel fel fel', 'gissning@example.org')).status).toBe(429);
		expect((await signIn('10.9.9.9, 192.0.2.50', 'fel fel fel fel', 'gissning@example.org')).status).toBe(
			429
		);
		// Another client behind the same proxy is not blocked.
		expect((await signIn('192.0.2.51', 'fel fel fel fel', 'gissning@example.org')).status).toBe(400);
		// The right password from the blocked address signs in.
		const ok = await signIn('192.0.2.50', ADMIN.password);
		expect(ok.status).toBe(303);
		expect(ok.location).toBe('/admin');
	});

	it('returns only to a staff path after signing in', async () => {
		for (const next of [
			'/x/..//evil.com',
			'//evil.com',
			'/\\evil.com',
			'https://evil.com',
			'/%2F%2Fevil.com'
		]) {
			const res = await post('/login', { ...ADMIN, next }, from('192.0.2.60'));
			expect(res.location, next).toBe('/admin');
		}
		const res = await post('/login', { ...ADMIN, next: '/admin/users' }, from('192.0.2.60'));
		expect(res.location).toBe('/admin/users');
	});
});
