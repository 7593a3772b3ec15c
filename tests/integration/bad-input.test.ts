import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { postForm } from '../support/respondent-client.ts';
import { seedWave } from '../support/seed-wave.ts';
import { templatePages } from '../support/template-answers.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Hostile and broken form posts against the running app: each gets a clear answer, nothing is stored
// wrongly, and what the respondent had saved stays. Runs on PGlite, or PostgreSQL with DATABASE_URL.
let server: AppServer;
let tokens: string[];
let backend: TestBackend;

beforeAll(async () => {
	backend = await createTestBackend('input');
	({ tokens } = await seedWave({
		dataDir: backend.dataDir,
		url: backend.url,
		slug: 'fel',
		mode: 'invite',
		participants: 6
	}));
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
});
afterAll(async () => {
	await server.stop();
	await backend.cleanup();
});

const page = (token: string, section: string) => `/s/${token}/sida/${section}`;
async function html(path: string) {
	return (await fetch(`${server.url}${path}`)).text();
}
async function postRaw(path: string, body: BodyInit, contentType: string) {
	const res = await fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, accept: 'text/html', 'content-type': contentType },
		body
	});
	return { status: res.status, body: await res.text() };
}

describe('bad form posts', () => {
	it('refuses invalid UTF-8 with a message and keeps the valid answers on the page', async () => {
		const t = tokens[0] ?? '';
		const body = Buffer.concat([
			Buffer.from('q.behov=8&q.ledning_delar=ja&q.behov_kommentar='),
			Buffer.from([0xc3, 0x28, 0xff]),
			Buffer.from('&_action=next')
		]);
		const res = await postRaw(page(t, 'behov'), body, 'application/x-www-form-urlencoded');
		expect(res.status).toBe(400);
		expect(res.body).toContain('Texten innehåller ogiltiga tecken.');
		expect(res.body).toMatch(/value="8"[^>]*checked/);
		expect(await html(`/s/${t}`)).toContain('Börja svara');
	});

	it('refuses an oversized post with a message and loses nothing saved before', async () => {
		const t = tokens[1] ?? '';
		const first = templatePages(1)[0];
		expect(
			(await postForm(server.url, page(t, 'behov'), [...(first?.fields ?? []), ['_action', 'next']])).status
		).toBe(303);
		const huge = new URLSearchParams([['q.vision_kommentar', 'x'.repeat(300_000)]]).toString();
		const res = await postRaw(page(t, 'vision'), huge, 'application/x-www-form-urlencoded');
		expect(res.status).toBe(413);
		expect(res.body).toContain('Formuläret var för stort');
		expect(await html(page(t, 'behov'))).toMatch(/name="q.ledning_delar" value="nej"[^>]*checked/);
	});

	it('refuses unknown fields, answers outside the options and over-long text, storing nothing from the post', async () => {
		const t = tokens[2] ?? '';
		const res = await postForm(server.url, page(t, 'vision'), [
			['q.vision', 'kanske'],
			['q.medborgarbild', 'ja'],
			['q.beslutskapacitet', 'ja'],
			['q.vision_kommentar', 'y'.repeat(5001)],
			['q.admin', 'true'],
			['_action', 'next']
		]);
		expect(res.status).toBe(400);
		expect(res.body).toContain('Formuläret innehöll okända fält: q.admin.');
		expect(res.body).toContain('Välj ett av alternativen.');
		expect(res.body).toContain('Texten får vara högst 5');
		// The valid answers typed on the page are shown again.
		expect(res.body).toMatch(/name="q.medborgarbild" value="ja"[^>]*checked/);
		expect(await html(`/s/${t}`)).toContain('Börja svara');
	});

	it('refuses posts that are not plain forms', async () => {
		const t = tokens[3] ?? '';
		const json = await postRaw(page(t, 'behov'), '{"q.behov":5}', 'application/json');
		expect(json.status).toBeGreaterThanOrEqual(400);
		const multipart = new FormData();
		multipart.append('q.behov', new Blob(['5']), 'behov.txt');
		const res = await fetch(`${server.url}${page(t, 'behov')}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html' },
			body: multipart
		});
		expect(res.status).toBe(400);
	});

	it('refuses a form posted from another site', async () => {
		const res = await fetch(`${server.url}${page(tokens[3] ?? '', 'behov')}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'q.behov=5'
		});
		expect(res.status).toBe(403);
	});
});

describe('double submits and escaping', () => {
	it('stores one complete response when the submit is posted many times at once', async () => {
		const t = tokens[4] ?? '';
		for (const p of templatePages(4)) {
			expect(
				(await postForm(server.url, page(t, p.section), [...p.fields, ['_action', 'next']])).status
			).toBe(303);
		}
		const results = await Promise.all(
			Array.from({ length: 5 }, () => postForm(server.url, `/s/${t}/granska`, []))
		);
		for (const r of results) expect(r.location).toBe(`/s/${t}/tack`);
		expect(await html(`/s/${t}`)).toContain('Du har redan svarat');
		const late = await postForm(server.url, page(t, 'behov'), [
			['q.behov', '1'],
			['_action', 'next']
		]);
		expect(late.location).toBe(`/s/${t}/tack`);
	});

	it('shows free text with HTML as text on the review page', async () => {
		const t = tokens[5] ?? '';
		await postForm(server.url, page(t, 'behov'), [
			['q.behov', '5'],
			['q.ledning_delar', 'ja'],
			['q.behov_kommentar', '<script>alert("x")</script><img src=x onerror=alert(1)>'],
			['_action', 'next']
		]);
		const review = await html(`/s/${t}/granska`);
		expect(review).toContain('&lt;script>alert("x")&lt;/script>&lt;img src=x onerror=alert(1)>');
		expect(review).not.toContain('<script>');
		expect(review).not.toContain('<img');
	});

	it('answers a well-formed but unknown token like any wrong link', async () => {
		const res = await fetch(`${server.url}/s/${'A'.repeat(43)}`);
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('Länken fungerar inte');
	});
});
