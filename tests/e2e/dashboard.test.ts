import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInContext } from '../support/admin-client.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import type { StaffApp } from '../support/staff-app.ts';
import { startSharedStaffApp } from './app.ts';
import { expectNoAxeViolations, expectRespondentPage, focused, loads, respondentContext } from './browser.ts';

// The staff pages of fieldwork in Chromium: with and without JavaScript, axe-core, keyboard only.
let app: Awaited<ReturnType<typeof startSharedStaffApp>>;
let browser: Browser;
let users: StaffApp['users'];
// Contexts a test makes itself, besides those of `open`.
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	app = await startSharedStaffApp(
		'panel',
		[
			// Fourteen people, one per municipality.
			{ slug: 'panel', mode: 'invite', participants: 14 },
			{ slug: 'panel-lank', mode: 'open' },
			{
				slug: 'panel-anonym',
				name: 'Anonym',
				mode: 'invite',
				anonymous: true,
				participants: 1,
				organisation: '2506'
			}
		],
		{ javaScriptEnabled: true }
	);
	({ browser, users } = app);
});
afterEach(() => app?.release());
afterAll(async () => {
	for (const c of contexts) await c.close();
	await app?.close();
});

const open = (role: keyof typeof users, target: string, javaScriptEnabled?: boolean) =>
	app.open(role, target, javaScriptEnabled);

const text = async (page: Page, selector: string) =>
	((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();

/** The cells of one row of the per-organisation table, e.g. `['Luleå', '1', '0', '0', '0 %']`. */
const organisationRow = async (page: Page, name: string) =>
	(
		await page
			.locator('table', { has: page.locator('caption', { hasText: 'Per organisation' }) })
			.locator('tbody tr', { has: page.locator(`th:text-is("${name}")`) })
			.locator('th, td')
			.allTextContents()
	).map((cell) => cell.replace(/\s+/g, ' ').trim());

describe('the wave dashboard', () => {
	it('is readable without JavaScript: headline and figures per municipality and role group', async () => {
		const page = await open('analyst', '/admin/waves/panel', false);
		expect(await text(page, 'h1')).toBe('Test panel');
		expect(await text(page, '.headline')).toBe('Svar inkom från 0 av 14 kommuner, 0 respondenter');
		expect(await organisationRow(page, 'Luleå')).toEqual(['Luleå', '1', '0', '0', '0 %']);
		expect(await page.locator('button', { hasText: 'Stäng för svar' }).count()).toBe(1);
		await expectNoAxeViolations(page);
	});

	it('updates itself with JavaScript when answers come in, without reloading', async () => {
		// A context of its own with the browser's clock under the test's control: the poll runs every 15 s,
		// and the test moves the clock on instead of waiting.
		const context = await signedInContext(browser, app.url, users.analyst);
		contexts.push(context);
		await context.clock.install();
		const page = await context.newPage();
		await page.goto(`${app.url}/admin/waves/panel`);
		await page.evaluate(() => {
			(window as unknown as { marker: string }).marker = 'same page';
		});
		await expectNoAxeViolations(page);
		await answerWholeQuestionnaire(app.url, app.token('panel', 9), 3);
		await page.clock.fastForward(15_000);
		await page.locator('.headline', { hasText: 'Svar inkom från 1 av 14 kommuner, 1 respondent' }).waitFor({
			timeout: 20_000
		});
		expect(await organisationRow(page, 'Luleå')).toEqual(['Luleå', '1', '1', '1', '100 %']);
		expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
		expect(await text(page, '[aria-live="polite"]')).toMatch(/^Uppdaterad \d\d:\d\d:\d\d\.$/);
	});

	it('shows an organisation contact their unit only, read-only', async () => {
		const page = await open('contact', '/admin/waves/panel');
		const rows = await page
			.locator('table', { has: page.locator('caption', { hasText: 'Per organisation' }) })
			.locator('tbody th')
			.allTextContents();
		expect(rows).toEqual(['Luleå']);
		expect(await page.locator('form[action="?/close"]').count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('says that an open link has no response rate', async () => {
		const page = await open('viewer', '/admin/waves/panel-lank', false);
		expect(await text(page, 'main')).toContain(
			'Öppen länk: ingen är inbjuden, så det finns ingen svarsfrekvens.'
		);
		expect(await page.locator('th', { hasText: 'Svarsfrekvens' }).count()).toBe(0);
		await expectNoAxeViolations(page);
	});
});

describe('the other fieldwork pages', () => {
	it('list the waves on the overview', async () => {
		for (const javaScript of [true, false]) {
			const page = await open('admin', '/admin', javaScript);
			expect(await text(page, 'table tr:has(a:text-is("Test panel"))')).toContain('1 av 14');
			await expectNoAxeViolations(page);
		}
	});

	it('show the audit log to administrators, in words and filtered by person and date, and the personal data search with its results', async () => {
		const log = await open('admin', '/admin/audit?action=wave.open');
		expect(await text(log, 'tbody')).toContain('öppnade mätomgången');
		await expectNoAxeViolations(log);
		// By person: the analyst's sign-in, by name, and nobody else's entries.
		const analyst = users.analyst;
		await open('analyst', '/admin');
		const theirs = await open('admin', `/admin/audit?actor=${encodeURIComponent(analyst.email)}`);
		const rows = (await theirs.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row).toContain(analyst.name);
		expect(await theirs.locator('#f-actor option:checked').textContent()).toContain(analyst.email);
		// By date: a day without entries, a malformed date and a range that ends before it starts.
		const future = await open('admin', '/admin/audit?from=2999-01-01');
		expect(await text(future, 'main')).toContain('Inga händelser.');
		const wrong = await open('admin', '/admin/audit?from=31%2F5&to=2026-05-01');
		expect(await wrong.locator('.error-summary li').allTextContents()).toEqual([
			'Ange datum som 2026-05-31.'
		]);
		await expectNoAxeViolations(wrong);
		const backwards = await open('admin', '/admin/audit?from=2026-06-02&to=2026-06-01');
		expect(await backwards.locator('.error-summary li').allTextContents()).toEqual([
			'Slutdatumet ligger före startdatumet.'
		]);
		const people = await open('admin', '/admin/personal-data', false);
		await expectNoAxeViolations(people);
		await people.fill('#f-email', 'panel-person1@example.org');
		await loads(people, () => people.click('button:text-is("Sök")'));
		expect(await text(people, 'main')).toContain('Träffar: 1');
		await expectNoAxeViolations(people);
	});
});

describe('an anonymous wave', () => {
	it('tells the respondent on the welcome page, which stays free of scripts and passes axe-core', async () => {
		const context = await respondentContext(browser);
		contexts.push(context);
		const page = await context.newPage();
		await page.goto(`${app.url}/s/${app.token('panel-anonym')}`);
		expect(await text(page, '.panel h2')).toBe('Dina svar är anonyma');
		expect(await text(page, '.panel p')).toContain('dina svar sparas utan koppling till dig');
		await expectRespondentPage(page);
	});
});

describe('creating a wave', () => {
	it('passes axe-core, also when showing mistakes', async () => {
		const page = await open('analyst', '/admin/waves/new', false);
		await expectNoAxeViolations(page);
		await page.fill('#f-k', '0');
		await loads(page, () => page.click('button:text-is("Skapa mätomgången")'));
		expect(await text(page, '.error-summary')).toContain('Skriv ett namn på högst 200 tecken.');
		await expectNoAxeViolations(page);
	});

	it('can be done with the keyboard alone', async () => {
		const page = await open('analyst', '/admin/waves/new');
		const tabTo = async (id: string) => {
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				if ((await focused(page))?.id === id) return;
			}
			throw new Error(`Tab never reached #${id}`);
		};
		await tabTo('f-name');
		await page.keyboard.type('Tangentbord 2025');
		await tabTo('f-period');
		await page.keyboard.type('Hösten 2025');
		await tabTo('f-mode-invite');
		await tabTo('f-anonymous');
		await page.keyboard.press('Space');
		await tabTo('f-k');
		await page.keyboard.press('Control+A');
		await page.keyboard.type('3');
		await tabTo('f-senderName');
		await page.keyboard.type('Region Norrbotten');
		await page.keyboard.press('Tab');
		expect((await focused(page))?.text).toBe('Skapa mätomgången');
		await loads(page, () => page.keyboard.press('Enter'));
		expect(new URL(page.url()).pathname).toBe('/admin/waves/tangentbord-2025');
		expect(await text(page, 'h1')).toBe('Tangentbord 2025');
		expect(await text(page, 'dl.facts')).toContain('anonym');
	});
});
