import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, startE2eApp } from './app.ts';
import { documentStatus, expectRespondentPage, respondentContext } from './browser.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'stangd', mode: 'invite', status: 'closed', participants: 1 },
		{ slug: 'utkast', mode: 'invite', status: 'draft', participants: 1 },
		{ slug: 'stangd-lank', mode: 'open', status: 'closed' },
		{ slug: 'utkast-lank', mode: 'open', status: 'draft' }
	]);
});
afterAll(async () => {
	await app?.close();
});

// No answer can be given on these pages, so one page per language serves a test's checks, navigated anew.
const pages = new Map<string, Page>();
async function open(target: string, options: { locale?: string } = {}): Promise<Page> {
	const key = options.locale ?? '';
	let page = pages.get(key);
	if (!page || page.isClosed()) {
		page = await (await respondentContext(app.browser, options)).newPage();
		pages.set(key, page);
	}
	await page.goto(`${app.url}${target}`);
	return page;
}

const heading = (page: Page) => page.locator('h1').textContent();
const path = (page: Page) => new URL(page.url()).pathname;

describe('a link that cannot be answered', () => {
	it('says that a closed questionnaire is closed, on invitations and open links alike', async () => {
		const token = app.token('stangd');
		for (const target of [`/s/${token}`, '/o/stangd-lank']) {
			const page = await open(target);
			expect(await heading(page)).toBe('Enkäten är stängd');
			expect(await page.textContent('main')).toContain('Det går inte längre att svara på den här enkäten.');
			expect(await page.locator('form').count()).toBe(0);
			await expectRespondentPage(page);
		}
		// A question page of a closed wave leads to the same message.
		const page = await open(`/s/${token}/sida/behov`);
		expect(path(page)).toBe(`/s/${token}`);
		expect(await heading(page)).toBe('Enkäten är stängd');
	});

	it('says that a questionnaire still in draft has not opened yet', async () => {
		for (const target of [`/s/${app.token('utkast')}`, '/o/utkast-lank']) {
			const page = await open(target);
			expect(await heading(page)).toBe('Enkäten har inte öppnat ännu');
			expect(await page.textContent('main')).toContain('Enkäten är inte öppen för svar ännu.');
			await expectRespondentPage(page);
		}
	});

	it('answers an unknown link with a 404 page that says the link does not work', async () => {
		for (const target of [`/s/${'A'.repeat(43)}`, '/s/kort', `/s/${'B'.repeat(43)}/sida/behov`]) {
			const page = await open(target);
			expect(documentStatus(page)).toBe(404);
			expect(await heading(page)).toBe('Sidan finns inte');
			expect(await page.textContent('main')).toContain(
				'Länken fungerar inte. Kontrollera att du har kopierat hela länken från inbjudan.'
			);
			expect(await page.getAttribute('html', 'lang')).toBe('sv');
			await expectRespondentPage(page);
		}
		const page = await open('/o/finns-inte');
		expect(documentStatus(page)).toBe(404);
		expect(await heading(page)).toBe('Sidan finns inte');
		await expectRespondentPage(page);
	});

	it('gives the same pages in English', async () => {
		const cases: Array<[string, string, string]> = [
			[`/s/${app.token('stangd')}`, 'The questionnaire is closed', 'It is no longer possible to answer'],
			['/o/utkast-lank', 'The questionnaire has not opened yet', 'not open for answers yet'],
			[`/s/${'A'.repeat(43)}`, 'Page not found', 'The link does not work.']
		];
		for (const [target, title, text] of cases) {
			const page = await open(target, { locale: 'en-GB' });
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			expect(await heading(page)).toBe(title);
			expect(await page.textContent('main')).toContain(text);
			await expectRespondentPage(page);
		}
	});
});
