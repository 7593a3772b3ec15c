import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';

// A deployment behind an HTTPS proxy: ORIGIN names the public address, the app listens on plain HTTP.
const ORIGIN = 'https://enkat.example.se';
const dataDir = seededDataDir();
let server: AppServer;
let token: string;

beforeAll(async () => {
	({
		tokens: [token = '']
	} = await seedWave({ dataDir, slug: 'proxy', mode: 'invite', participants: 1 }));
	server = await startAppServer({ dataDir, env: { ORIGIN } });
});
afterAll(async () => {
	await server?.stop();
	removeDataDir(dataDir);
});

const post = (origin: string) =>
	fetch(`${server.url}/s/${token}/sida/behov`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: 'q.behov=6&q.ledning_delar=ja&_action=next'
	});

describe('behind an HTTPS proxy (ORIGIN=https://…)', () => {
	it('tells browsers to keep to HTTPS', async () => {
		const res = await fetch(`${server.url}/s/${token}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
	});

	it('accepts form posts from the public address only', async () => {
		expect((await post(server.url)).status).toBe(403);
		const accepted = await post(ORIGIN);
		expect(accepted.status).toBe(303);
		expect(accepted.headers.get('location')).toBe(`/s/${token}/sida/vision`);
	});
});
