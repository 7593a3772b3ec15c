import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Behind an HTTPS proxy (ORIGIN=https://…) the session cookie is Secure; browsers then send it over HTTPS only.
const ORIGIN = 'https://enkat.example.se';
let backend: TestBackend;
let server: AppServer;
let user: { email: string; password: string };

beforeAll(async () => {
	backend = await createTestBackend('https');
	user = await seedUser({ dataDir: backend.dataDir, url: backend.url, role: 'analyst' });
	server = await startAppServer({ dataDir: backend.dataDir, env: { ...backend.env, ORIGIN } });
});
afterAll(async () => {
	await server?.stop();
	await backend?.cleanup();
});

describe('the session cookie behind an HTTPS proxy', () => {
	it('is HttpOnly, SameSite=Lax, for the whole site, and Secure', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: ORIGIN, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email: user.email, password: user.password }).toString()
		});
		expect(res.status).toBe(303);
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mognad_session='));
		expect(cookie).toMatch(/^mognad_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
		const page = await fetch(`${server.url}/admin`, { headers: { cookie: cookie?.split(';')[0] ?? '' } });
		expect(page.status).toBe(200);
		expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});

	it('is refused from a form posted by another site', async () => {
		const res = await fetch(`${server.url}/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: user.email, password: user.password }).toString()
		});
		expect(res.status).toBe(403);
		expect(res.headers.getSetCookie()).toEqual([]);
	});
});
