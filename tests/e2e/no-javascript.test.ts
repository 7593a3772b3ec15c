import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import { templatePages } from '../support/template-answers.ts';
import { type E2eApp, startE2eApp } from './app.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'utan-js', mode: 'invite', participants: 2 },
		{ slug: 'utan-js-stangd', mode: 'invite', status: 'closed', participants: 1 },
		{ slug: 'utan-js-lank', mode: 'open' }
	]);
});
afterAll(async () => {
	await app?.close();
});

/**
 * Asserts that a respondent page's HTML has no script of any kind, a CSP that allows none inline, and the
 * other security headers.
 */
async function expectNoJavaScript(res: Response, what: string): Promise<void> {
	expect(res.headers.get('content-type'), what).toMatch(/^text\/html/);
	const csp = res.headers.get('content-security-policy') ?? '';
	expect(csp, `CSP of ${what}`).toContain("default-src 'self'");
	expect(csp, `CSP of ${what}`).toContain("script-src 'self'");
	expect(csp, `CSP of ${what}`).not.toContain('unsafe-inline');
	expect(csp, `CSP of ${what}`).not.toContain('unsafe-eval');
	expect(csp, `CSP of ${what}`).toContain("frame-ancestors 'none'");
	expect(csp, `CSP of ${what}`).toContain("form-action 'self'");
	expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
	expect(res.headers.get('x-frame-options'), what).toBe('DENY');
	// Tokens are in the paths: other sites never see them, and no cache keeps the pages.
	expect(res.headers.get('referrer-policy'), what).toBe('same-origin');
	expect(res.headers.get('cache-control'), what).toBe('no-store');
	expect(res.headers.get('x-robots-tag'), what).toBe('noindex, nofollow');
	// Served over plain HTTP on loopback: no HSTS (it is sent behind HTTPS).
	expect(res.headers.get('strict-transport-security'), what).toBeNull();
	const html = await res.text();
	expect(html, what).not.toMatch(/<script\b/i);
	expect(html, what).not.toContain('modulepreload');
	expect(html, `inline event handlers in ${what}`).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
	expect(html, `javascript: links in ${what}`).not.toMatch(/javascript:/i);
}

describe('respondent pages', () => {
	it('ship no JavaScript and are served with a Content-Security-Policy', async () => {
		const fresh = app.token('utan-js', 0);
		const done = app.token('utan-js', 1);
		await answerWholeQuestionnaire(app.url, done, 0);
		const targets = [
			`/s/${fresh}`,
			...templatePages(0).map((p) => `/s/${fresh}/sida/${p.section}`),
			`/s/${fresh}/granska`,
			`/s/${fresh}/sparad`,
			`/s/${done}`,
			`/s/${done}/tack`,
			'/o/utan-js-lank',
			`/s/${app.token('utan-js-stangd')}`,
			`/s/${'A'.repeat(43)}`,
			'/o/finns-inte'
		];
		for (const target of [...targets, ...targets.map((t) => `${t}?lang=en`)]) {
			const res = await fetch(`${app.url}${target}`, { headers: { accept: 'text/html' } });
			expect([200, 404], target).toContain(res.status);
			await expectNoJavaScript(res, target);
		}
	});

	it('answer form posts, also refused ones, with pages that ship no JavaScript', async () => {
		const fresh = app.token('utan-js', 0);
		const posts: Array<[string, string, number]> = [
			[`/s/${fresh}/sida/behov`, 'q.behov=&_action=next', 400],
			[`/s/${fresh}/sida/behov`, `q.behov_kommentar=${'x'.repeat(300_000)}`, 413],
			['/o/utan-js-lank', '_resume=x', 400],
			[`/s/${fresh}/granska`, '', 400]
		];
		for (const [target, body, status] of posts) {
			const res = await fetch(`${app.url}${target}`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					origin: app.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body
			});
			expect(res.status, `POST ${target}`).toBe(status);
			await expectNoJavaScript(res, `POST ${target}`);
		}
	});
});
