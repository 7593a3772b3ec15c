import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedInContext } from '../support/admin-client.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import type { StaffApp } from '../support/staff-app.ts';
import { mognadInSharedServer, startSharedStaffApp } from './app.ts';
import { expectFocus, expectNoAxeViolations, focused, loads } from './browser.ts';

// Finding one's way through a wave's admin pages as a newcomer: the wave navigation on every page, the
// main action for the wave's state, the next step on an empty dashboard, no CSP violation with
// JavaScript on, and the favicon.
const NAV = 'Mätomgångens sidor';
let app: Awaited<ReturnType<typeof startSharedStaffApp>>;
let browser: Browser;
let users: StaffApp['users'];
// Contexts a test makes itself, besides those of `open`.
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	app = await startSharedStaffApp(
		'nav',
		[
			// A new wave: draft, nobody invited.
			{ slug: 'nav-utkast', mode: 'invite', status: 'draft' },
			// Draft with participants, to open and close through the dashboard.
			{ slug: 'flode', mode: 'invite', status: 'draft', participants: 2 },
			// Open, one person per municipality (the contact's Luleå among them).
			{ slug: 'pagaende', mode: 'invite', status: 'open', participants: 14 },
			// An open link not yet opened.
			{ slug: 'nav-lank', mode: 'open', status: 'draft' },
			// Closed with six complete responses from Luleå (answered below).
			{ slug: 'nav-stangd', mode: 'invite', status: 'open', participants: 6, organisation: '2580' },
			{ slug: 'varen-2025', name: 'Våren 2025', period: 'Våren 2025', mode: 'open', status: 'open' }
		],
		{ javaScriptEnabled: false }
	);
	for (let seed = 0; seed < 6; seed++)
		await answerWholeQuestionnaire(app.url, app.token('nav-stangd', seed), seed);
	await mognadInSharedServer(['wave', 'close', 'nav-stangd']);
	({ browser, users } = app);
});
afterEach(() => app?.release());
afterAll(async () => {
	for (const c of contexts) await c.close();
	await app?.close();
});

const open = (role: keyof typeof users, target: string, javaScriptEnabled?: boolean) =>
	app.open(role, target, javaScriptEnabled);

const squeeze = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const text = async (page: Page, selector: string) => squeeze(await page.textContent(selector));

/** The wave navigation's links as [name, path, aria-current]. */
async function navLinks(page: Page): Promise<[string, string, string | null][]> {
	return page
		.getByRole('navigation', { name: NAV })
		.locator('a')
		.evaluateAll((links) =>
			links.map((a): [string, string, string | null] => [
				(a.textContent ?? '').trim(),
				new URL((a as HTMLAnchorElement).href).pathname,
				a.getAttribute('aria-current')
			])
		);
}

const ALL = [
	['Översikt', ''],
	['Deltagare', '/participants'],
	['Utskick', '/messages'],
	['Resultat', '/results'],
	['Mognad', '/maturity'],
	['Förändring', '/change'],
	['Rapport', '/report'],
	['Export', '/export'],
	['Import', '/import'],
	['Inställningar', '/edit']
] as const;

describe('the wave navigation', () => {
	it('is on the dashboard and every sub-page, with the current page marked, and passes axe-core', async () => {
		const page = await open('analyst', '/admin/waves/pagaende');
		for (const [name, path] of ALL) {
			if (path) await page.goto(`${app.url}/admin/waves/pagaende${path}`);
			const links = await navLinks(page);
			expect(links, path || 'dashboard').toEqual(
				ALL.map(([n, p]) => [n, `/admin/waves/pagaende${p}`, n === name ? 'page' : null])
			);
			await expectNoAxeViolations(page);
		}
	});

	it("marks the page above on a page below it (a question's answers)", async () => {
		const page = await open('analyst', '/admin/waves/nav-stangd/results/drivkrafter');
		const current = (await navLinks(page)).filter(([, , c]) => c !== null);
		expect(current).toEqual([['Resultat', '/admin/waves/nav-stangd/results', 'true']]);
		await expectNoAxeViolations(page);
	});

	it('shows viewers and organisation contacts only the pages they may open', async () => {
		for (const role of ['viewer', 'contact'] as const) {
			for (const javaScript of [false, true]) {
				const page = await open(role, '/admin/waves/pagaende/maturity', javaScript);
				expect(await navLinks(page), `${role}, JavaScript ${javaScript}`).toEqual([
					['Översikt', '/admin/waves/pagaende', null],
					['Resultat', '/admin/waves/pagaende/results', null],
					['Mognad', '/admin/waves/pagaende/maturity', 'page'],
					['Förändring', '/admin/waves/pagaende/change', null]
				]);
				await expectNoAxeViolations(page);
			}
		}
		// Administrators see all of them, as analysts do.
		const admin = await open('admin', '/admin/waves/pagaende/export');
		expect((await navLinks(admin)).map(([name]) => name)).toEqual(ALL.map(([name]) => name));
	});

	it('can be used with the keyboard alone, with a visible focus', async () => {
		const page = await open('analyst', '/admin/waves/pagaende/results', true);
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const element = await focused(page);
			if (element?.tag === 'a' && element.text === 'Utskick') break;
		}
		await expectFocus(page, { tag: 'a', text: 'Utskick' });
		await loads(page, () => page.keyboard.press('Enter'));
		expect(new URL(page.url()).pathname).toBe('/admin/waves/pagaende/messages');
		expect((await navLinks(page)).find(([, , c]) => c === 'page')?.[0]).toBe('Utskick');
	});
});

describe("the dashboard's main action", () => {
	const actions = async (page: Page) =>
		page
			.locator('.wave-actions')
			.locator('a, button')
			.evaluateAll((elements) =>
				elements.map((e) =>
					[
						(e.textContent ?? '').trim(),
						e instanceof HTMLAnchorElement ? new URL(e.href).pathname : 'button'
					].join(' → ')
				)
			);

	it('is adding participants and opening a new draft wave', async () => {
		const page = await open('analyst', '/admin/waves/nav-utkast');
		expect(await actions(page)).toEqual([
			'Lägg till deltagare → /admin/waves/nav-utkast/participants',
			'Öppna för svar → button'
		]);
		await expectNoAxeViolations(page);
	});

	it('is reminders and closing while open, and results and report once closed; the buttons work', async () => {
		for (const javaScript of [false, true]) {
			const slug = 'flode';
			const page = await open('analyst', `/admin/waves/${slug}`, javaScript);
			if (javaScript) {
				// Closed by the run without JavaScript: open it again.
				await loads(page, () => page.getByRole('button', { name: 'Öppna för svar igen' }).click());
			} else {
				expect(await actions(page)).toEqual([
					`Lägg till deltagare → /admin/waves/${slug}/participants`,
					'Öppna för svar → button'
				]);
				await loads(page, () => page.getByRole('button', { name: 'Öppna för svar' }).click());
			}
			await page.locator('.wave-actions button', { hasText: 'Stäng för svar' }).waitFor();
			expect(await actions(page)).toEqual([
				`Skicka påminnelser → /admin/waves/${slug}/messages`,
				'Stäng för svar → button'
			]);
			await expectNoAxeViolations(page);
			await loads(page, () => page.getByRole('button', { name: 'Stäng för svar' }).click());
			await page.locator('.wave-actions button', { hasText: 'Öppna för svar igen' }).waitFor();
			expect(await actions(page)).toEqual([
				`Se resultaten → /admin/waves/${slug}/results`,
				`Skriv rapporten → /admin/waves/${slug}/report`,
				'Öppna för svar igen → button'
			]);
			await expectNoAxeViolations(page);
		}
	});

	it('is not offered to viewers', async () => {
		const page = await open('viewer', '/admin/waves/nav-stangd');
		expect(await page.locator('.wave-actions').count()).toBe(0);
	});
});

describe('an empty dashboard', () => {
	it('tells an analyst to add participants first, with the link', async () => {
		const page = await open('analyst', '/admin/waves/nav-utkast');
		expect(await text(page, '.headline')).toMatch(/^Svar inkom från 0 av 0 /);
		expect(await text(page, '.next-step')).toContain('Ingen är inbjuden ännu. Lägg till deltagarna först');
		await loads(page, () =>
			page.locator('.next-step').getByRole('link', { name: 'Lägg till deltagare' }).click()
		);
		expect(new URL(page.url()).pathname).toBe('/admin/waves/nav-utkast/participants');
	});

	it('tells a viewer that no one is invited, without a link they could not follow', async () => {
		const page = await open('viewer', '/admin/waves/nav-utkast');
		expect(await text(page, '.next-step')).toBe('Ingen är inbjuden ännu.');
		expect(await page.locator('.next-step a').count()).toBe(0);
		await expectNoAxeViolations(page);
	});

	it('points to the link of an open-link wave', async () => {
		const page = await open('analyst', '/admin/waves/nav-lank');
		expect(await text(page, '.next-step')).toBe(
			'Öppna mätomgången för svar och dela sedan länken med dem som ska svara: /o/nav-lank'
		);
		expect(await page.locator('.next-step a').getAttribute('href')).toBe('/o/nav-lank');
	});

	it('is not shown once there are responses', async () => {
		const page = await open('analyst', '/admin/waves/nav-stangd');
		expect(await page.locator('.next-step').count()).toBe(0);
	});
});

describe('the CSP with JavaScript on', () => {
	for (const [what, path] of [
		['the wave dashboard', '/admin/waves/nav-stangd'],
		['the report editor', '/admin/waves/nav-stangd/report']
	] as const) {
		it(`is not violated on ${what}`, async () => {
			const context = await signedInContext(browser, app.url, users.analyst);
			contexts.push(context);
			const page = await context.newPage();
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { violations: string[] }).violations = seen;
				document.addEventListener('securitypolicyviolation', (e) =>
					seen.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`)
				);
			});
			const problems: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error') problems.push(message.text());
			});
			page.on('pageerror', (error) => problems.push(error.message));
			const response = await page.goto(`${app.url}${path}`);
			const csp = response?.headers()['content-security-policy'] ?? '';
			expect(csp).toMatch(/style-src 'self' 'unsafe-hashes' 'sha256-[^']+'/);
			expect(csp).not.toContain('unsafe-inline');
			expect(await response?.text()).not.toMatch(/<[^>]+\sstyle=/);
			await page.waitForLoadState('networkidle');
			// The script ran: SvelteKit's route announcer (the one allowed style attribute) is there.
			await page.locator('#svelte-announcer').waitFor({ state: 'attached' });
			expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(
				[]
			);
			expect(problems).toEqual([]);
		});
	}
});

describe('small texts and the favicon', () => {
	it('keeps the spaces in "name (period)" and "n = … · flera svar"', async () => {
		const context = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled: false });
		contexts.push(context);
		const start = await context.newPage();
		await start.goto(app.url);
		expect(await text(start, 'li:has(a[href="/o/varen-2025"])')).toBe('Våren 2025 (Våren 2025)');
		expect(await start.getByRole('link', { name: 'Skapa en mätomgång' }).getAttribute('href')).toBe(
			'/admin/waves/new'
		);
		const results = await open('analyst', '/admin/waves/nav-stangd/results');
		const counts = (await results.locator('.question-n').allTextContents()).map(squeeze);
		expect(counts.filter((c) => c.includes('flera svar')).length).toBeGreaterThan(0);
		for (const count of counts)
			expect(count).toMatch(/^n = \d+( · flera svar möjliga, andelar av respondenterna)?$/);
	});

	it('links an SVG favicon, served with status 200, and sends /favicon.ico to it', async () => {
		const page = await open('analyst', '/admin/waves/nav-stangd', true);
		const href = await page.locator('head link[rel=icon]').getAttribute('href');
		const icon = await page.request.get(new URL(href ?? '', page.url()).href);
		expect(icon.status()).toBe(200);
		expect(icon.headers()['content-type']).toContain('image/svg+xml');
		expect(await icon.text()).toContain('<svg');
		const byName = await page.request.get(`${app.url}/favicon.ico`, { maxRedirects: 0 });
		expect(byName.status()).toBe(308);
		expect(byName.headers().location).toBe('/favicon.svg');
		const followed = await page.request.get(`${app.url}/favicon.ico`);
		expect(followed.status()).toBe(200);
		expect(followed.headers()['content-type']).toContain('image/svg+xml');
	});
});
