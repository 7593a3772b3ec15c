import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatePages } from '../support/template-answers.ts';
import { type E2eApp, startE2eApp } from './app.ts';
import { documentStatus, expectFocus, expectRespondentPage, loads, respondentContext } from './browser.ts';
import { checkedValue, fillFields, follow } from './respondent.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([{ slug: 'kontroll', mode: 'invite', participants: 3 }]);
});
afterAll(async () => {
	await app?.close();
});

const path = (page: Page) => new URL(page.url()).pathname;

/** Posts a form from the respondent's context as a browser without JavaScript would (same origin, HTML). */
function post(page: Page, target: string, form: Record<string, string>) {
	return page.request.post(`${app.url}${target}`, {
		form,
		headers: { origin: app.url, accept: 'text/html' },
		maxRedirects: 0
	});
}

describe('answers the server cannot accept', () => {
	it('show an error summary linking to an unanswered required question, mark it invalid and keep what was typed', async () => {
		const token = app.token('kontroll', 0);
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		await fillFields(page, [
			['q.behov_kommentar', 'Skrivet före felet.'],
			['q.ledning_delar', 'nej']
		]);
		await follow(page, 'button', 'Nästa');

		expect(documentStatus(page)).toBe(400);
		expect(path(page)).toBe(`/s/${token}/sida/behov`);
		expect(await page.title()).toBe(
			'Något behöver rättas: Behovet av digitalisering – Digital mognad i kommuner'
		);
		// The summary comes first after the heading and links to the question.
		const summary = page.locator('h1 + .error-summary');
		expect(await summary.getAttribute('role')).toBe('alert');
		expect(await summary.locator('h2').textContent()).toBe('Något behöver rättas');
		const link = summary.getByRole('link', {
			name: 'Hur stort är behovet av digitalisering i din kommun? – Frågan måste besvaras.'
		});
		expect(await link.getAttribute('href')).toBe('#q-behov');
		// The question (a radio group) is marked invalid and described by its error message.
		const question = page.getByRole('radiogroup', { name: 'Hur stort är behovet' });
		expect(await question.getAttribute('aria-invalid')).toBe('true');
		expect(await question.getAttribute('aria-describedby')).toBe('q-behov-error');
		expect(await page.textContent('#q-behov-error')).toBe('Frågan måste besvaras.');
		expect(await question.locator('#q-behov').count()).toBe(1);
		// Nothing else on the page is marked as wrong, and what was typed is still there.
		expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
		expect(await page.locator('[name="q.behov_kommentar"]').inputValue()).toBe('Skrivet före felet.');
		expect(await checkedValue(page, 'q.ledning_delar')).toBe('nej');
		await expectRespondentPage(page);

		// Followed with the keyboard, the link moves focus to the question.
		await link.focus();
		await page.keyboard.press('Enter');
		// Following an in-page link is asynchronous: wait until the address has the fragment.
		await page.waitForURL((url) => url.hash === '#q-behov');
		await expectFocus(page, { id: 'q-behov' });
		await page.keyboard.press('ArrowRight');
		await loads(page, () => page.getByRole('button', { name: 'Nästa', exact: true }).click());
		expect(path(page)).toBe(`/s/${token}/sida/vision`);
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		expect(await checkedValue(page, 'q.behov')).toBe('2');
		expect(await page.locator('[name="q.behov_kommentar"]').inputValue()).toBe('Skrivet före felet.');
	});

	it('refuse a scale answer outside the scale with a 400 page in Swedish', async () => {
		const token = app.token('kontroll', 1);
		const page = await (await respondentContext(app.browser)).newPage();
		const res = await post(page, `/s/${token}/sida/behov`, {
			'q.behov': '99',
			'q.ledning_delar': 'ja',
			_action: 'next'
		});
		expect(res.status()).toBe(400);
		expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
		const html = await res.text();
		expect(html).toContain('<html lang="sv">');
		expect(html).toContain('Något behöver rättas');
		expect(html).toContain(
			'<a href="#q-behov">Hur stort är behovet av digitalisering i din kommun? – Svaret måste vara ett heltal mellan 1 och 10.</a>'
		);
		expect(html).not.toMatch(/<script\b/i);
		// Nothing was stored.
		await page.goto(`${app.url}/s/${token}`);
		expect(await page.textContent('main')).not.toContain('Du har redan börjat svara');
	});

	it('refuse an oversized form with a clear message and keep the answers saved before', async () => {
		const token = app.token('kontroll', 2);
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		const [behov] = templatePages(2);
		await fillFields(page, behov?.fields ?? []);
		await follow(page, 'button', 'Nästa');
		expect(path(page)).toBe(`/s/${token}/sida/vision`);

		const res = await post(page, `/s/${token}/sida/behov`, {
			'q.behov': '3',
			'q.behov_kommentar': 'x'.repeat(300_000),
			'q.ledning_delar': 'ja',
			_action: 'next'
		});
		expect(res.status()).toBe(413);
		const html = await res.text();
		expect(html).toContain(
			'Formuläret var för stort för att tas emot. Korta ner de långa texterna och försök igen. Dina tidigare sparade svar finns kvar.'
		);
		expect(html).not.toMatch(/<script\b/i);

		await page.goto(`${app.url}/s/${token}/sida/behov`);
		for (const [name, value] of behov?.fields ?? []) {
			if (name === 'q.behov_kommentar') {
				expect(await page.locator(`[name="${name}"]`).inputValue()).toBe(value);
			} else expect(await checkedValue(page, name)).toBe(value);
		}
	});
});
