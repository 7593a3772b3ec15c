import { unzipSync } from 'fflate';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { type SeededUser, seedUser, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { seedResultsDataset } from '../support/results-dataset.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';
import { connectBrowser, expectNoAxeViolations } from './browser.ts';
import { type SignedInPages, signedInPages } from './signed-in-pages.ts';

// The report pages on the wave "nu" of tests/support/results-dataset.ts (k = 3, 13 complete responses;
// behov 7–10: 6 of 12 = 50 %; Luleå and Boden have enough respondents for a report of their own).
const NBSP = '\u00a0';
const HOSTILE = 'Viktigt: **viktigt** <script>alert("rapport")</script> #set page()';
const REPORT = '/admin/waves/nu/report';

let backend: TestBackend;
let server: AppServer;
let browser: Browser;
let pages: SignedInPages;
let analyst: SeededUser;
let viewer: SeededUser;

beforeAll(async () => {
	backend = await createTestBackend('report_pages');
	const target = { dataDir: backend.dataDir, url: backend.url };
	analyst = await seedUser({ ...target, role: 'analyst' });
	viewer = await seedUser({ ...target, role: 'viewer' });
	const database = await openDatabase(target);
	try {
		await seedResultsDataset(database.db);
	} finally {
		await database.close();
	}
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	browser = await connectBrowser();
	pages = signedInPages(browser, server.url);
});
afterEach(() => pages?.release());
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await backend?.cleanup();
});

const open = (user: SeededUser, path: string, options: BrowserContextOptions = {}) =>
	pages.open(user, path, options);

describe('the report without JavaScript', () => {
	it('saves the narrative by form post and adds a section', { timeout: 240_000 }, async () => {
		const { page, status } = await open(analyst, REPORT, { javaScriptEnabled: false });
		expect(status).toBe(200);
		await expectNoAxeViolations(page);
		// A follow-up is edited inside its parent's entry, as the report shows it, not as an entry of its own.
		const entryOf = (code: string) =>
			page.locator('details.report-question', { has: page.locator(`[name="q.${code}.markdown"]`) });
		expect(await entryOf('vision_kommentar').count()).toBe(1);
		expect(await entryOf('vision_kommentar').locator('summary').textContent()).toBe(
			await entryOf('vision').locator('summary').textContent()
		);
		expect(await entryOf('vision').locator('fieldset.follow-up > legend').allTextContents()).toEqual([
			expect.stringMatching(/^Följdfråga: /)
		]);
		await page.locator('#meta-documentId').fill('ARBGRP460-656132773-273');
		await page.locator('#text-syfte').fill(HOSTILE);
		await page.getByRole('button', { name: 'Spara' }).first().click();
		await page.locator('.panel[role=status]', { hasText: 'Sparat.' }).waitFor();
		expect(await page.locator('#text-syfte').inputValue()).toBe(HOSTILE);

		await page.getByRole('button', { name: 'Lägg till avsnitt' }).click();
		await page.locator('#title-extra-1').waitFor();
		expect(await page.locator('#title-extra-1').inputValue()).toBe('Nytt avsnitt');
		await page.locator('#title-extra-1').fill('Reflektion 1');
		await page.getByRole('button', { name: 'Spara' }).first().click();
		await page.getByRole('button', { name: 'Flytta upp ”Reflektion 1”' }).waitFor();
	});

	it('previews the draft from the data, with the narrative literal', { timeout: 240_000 }, async () => {
		const { page, status } = await open(analyst, `${REPORT}/preview`, { javaScriptEnabled: false });
		expect(status).toBe(200);
		await expectNoAxeViolations(page);
		const article = page.locator('article.report');
		expect(await article.getByRole('heading', { name: '2 Syfte' }).count()).toBe(1);
		expect(await article.getByRole('heading', { name: '8 Reflektion 1' }).count()).toBe(1);
		// The analyst's Markdown: structure kept, every character of the markup literal.
		const syfte = await article.locator('#avsnitt-2').locator('..').locator('p').first().innerHTML();
		expect(syfte).toBe(
			'Viktigt: <strong>viktigt</strong> &lt;script&gt;alert("rapport")&lt;/script&gt; #set page()'
		);
		expect(await article.textContent()).toContain(
			`50${NBSP}% av respondenterna anser att behovet av digitalisering är stort`
		);
		expect(await article.textContent()).toContain('ARBGRP460-656132773-273');
	});

	it('publishes a version and shows it on its own page', { timeout: 240_000 }, async () => {
		const { page } = await open(analyst, REPORT, { javaScriptEnabled: false });
		await page.getByRole('button', { name: 'Publicera ny version' }).click();
		await page.locator('.panel[role=status]', { hasText: 'Version 1 är publicerad.' }).waitFor();
		await page.getByRole('link', { name: 'Version 1' }).click();
		await page.getByRole('heading', { name: 'Rapport, version 1: Nu' }).waitFor();
		await expectNoAxeViolations(page);
		expect(await page.locator('article.report').textContent()).toContain('Publiceringsdatum');
	});

	it('refuses a save from a stale revision with the reason, keeping the saved text', async () => {
		const client = await signInOverHttp(server.url, analyst);
		const stale = await client.post(`${REPORT}?/save`, [
			['revision', '1'],
			['op', 'save'],
			['section.syfte.markdown', 'Från en gammal flik']
		]);
		expect(stale.status).toBe(409);
		expect(stale.body).toContain('Rapporten har sparats från en annan flik');
		const page = await client.get(REPORT);
		expect(page.body).toContain('Viktigt: **viktigt** &lt;script');
		expect(page.body).not.toContain('<script>alert("rapport")');
		expect(page.body).not.toContain('Från en gammal flik');
	});
});

describe('the report with JavaScript', () => {
	it('saves as the analyst types and shows "Sparat"', { timeout: 240_000 }, async () => {
		const { page } = await open(analyst, REPORT);
		// Typing before the page's script has started would be replaced as the script takes the page over.
		await page.locator('form[data-autosave="on"]').waitFor();
		await page.locator('#text-slutsats').click();
		await page.keyboard.type('Ett flertal kommuner har låg digital förmåga.');
		await page.getByText(/^Sparat \d\d:\d\d$/).waitFor();
		await expectNoAxeViolations(page);
		await page.reload();
		expect(await page.locator('#text-slutsats').inputValue()).toBe(
			'Ett flertal kommuner har låg digital förmåga.'
		);
	});
});

describe('downloads', () => {
	it('gives the published version as the same PDF every time, and viewers may read it', async () => {
		const client = await signInOverHttp(server.url, viewer);
		const get = async () => {
			const res = await fetch(`${server.url}${REPORT}/versions/1/report.pdf`, {
				headers: { cookie: client.cookie }
			});
			return {
				status: res.status,
				type: res.headers.get('content-type'),
				bytes: new Uint8Array(await res.arrayBuffer())
			};
		};
		const first = await get();
		expect(first.status).toBe(200);
		expect(first.type).toBe('application/pdf');
		expect(new TextDecoder().decode(first.bytes.slice(0, 5))).toBe('%PDF-');
		expect((await get()).bytes).toEqual(first.bytes);
		expect((await client.get(REPORT)).status).toBe(403);
	});

	it('makes a report for one organisation against the region, refuses a small one, and zips all', async () => {
		const client = await signInOverHttp(server.url, analyst);
		const lulea = await client.get(`${REPORT}/report.html?organisation=2580`);
		expect(lulea.status).toBe(200);
		expect(lulea.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(lulea.body).toContain(
			`80${NBSP}% av respondenterna anser att behovet av digitalisering är stort (Region Norrbotten: 50${NBSP}%)`
		);
		const kiruna = await client.get(`${REPORT}/report.html?organisation=2584`);
		expect(kiruna.status).toBe(403);
		expect(kiruna.body).toContain('Kiruna visas inte med siffror: enheten har färre än 3 fullständiga svar');

		const zip = await fetch(`${server.url}${REPORT}/organisations.zip`, {
			headers: { cookie: client.cookie }
		});
		expect(zip.status).toBe(200);
		const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
		expect(Object.keys(files).sort()).toEqual(['nu-2580-Lulea.pdf', 'nu-2581-Pitea.pdf']);
		for (const bytes of Object.values(files))
			expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

		const docx = await fetch(`${server.url}${REPORT}/report.docx`, { headers: { cookie: client.cookie } });
		expect(docx.status).toBe(200);
		expect(new Uint8Array(await docx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
	});
});
