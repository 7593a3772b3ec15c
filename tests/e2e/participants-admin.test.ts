import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SeededUser, seedUsers, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';
import { connectBrowser, expectNoAxeViolations } from './browser.ts';
import { type SignedInPages, signedInPages } from './signed-in-pages.ts';

// The fieldwork pages of an analyst and an administrator, in Chromium with JavaScript off (the forms must
// work without it) and axe-core on every state.
const dataDir = seededDataDir();
let server: AppServer;
let browser: Browser;
let pages: SignedInPages;
let users: Record<'admin' | 'analyst' | 'contact', SeededUser>;

beforeAll(async () => {
	await seedWave({ dataDir, slug: 'chefer', mode: 'invite', participants: 0 });
	users = await seedUsers({ dataDir }, ['admin', 'analyst', 'contact']);
	server = await startAppServer({ dataDir });
	browser = await connectBrowser();
	pages = signedInPages(browser, server.url);
});
afterEach(() => pages?.release());
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	removeDataDir(dataDir);
});

const pageAs = async (user: SeededUser, path: string): Promise<Page> =>
	(await pages.open(user, path, { javaScriptEnabled: false })).page;

const upload = async (page: Page, name: string, text: string) => {
	await page.setInputFiles('#f-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Importera' }).click()]);
};

describe('participants of a wave', () => {
	it('imports a list, showing every bad row first and then the people with their status', async () => {
		const page = await pageAs(users.analyst, '/admin/waves/chefer/participants');
		expect(await page.locator('h1').textContent()).toContain('Deltagare i');
		expect(await page.textContent('main')).toContain('Inga deltagare ännu.');
		await expectNoAxeViolations(page);

		await upload(
			page,
			'lista.csv',
			'namn;e-post;befattning;kommun\r\nAnna Berg;anna@lulea.se;IT-chef;2580\r\nBo;fel;;2580\r\nCia;cia@x.se;=1+1;Ingenstans\r\n'
		);
		const summary = page.locator('.error-summary');
		expect(await summary.locator('li').allTextContents()).toEqual([
			'Rad 3, kolumn ”e-post”: ”fel” är ingen giltig e-postadress.',
			'Rad 4, kolumn ”befattning”: börjar med =, +, -, @, tabb eller radbrytning, som ett kalkylprogram skulle köra som en formel. Ta bort tecknet.'
		]);
		expect(await page.textContent('main')).toContain('Ingenting importerades.');
		expect(await page.textContent('main')).toContain('Inga deltagare ännu.');
		await expectNoAxeViolations(page);

		await upload(
			page,
			'lista.csv',
			'namn;e-post;befattning;kommun\r\nAnna Berg;anna@lulea.se;IT-chef;2580\r\nBo Ek;bo@kalix.se;Kommunchef;Kalix\r\n'
		);
		expect(await page.locator('[role=status]').textContent()).toContain('2 deltagare importerades.');
		const rows = await page
			.locator('table.data tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()))
			);
		expect(rows).toEqual([
			['Bo Ek', 'bo@kalix.se', 'Kommunchef', 'Kalix', 'Politisk ledning / Kommunledning', 'Ej inbjuden'],
			['Anna Berg', 'anna@lulea.se', 'IT-chef', 'Luleå', 'IT', 'Ej inbjuden']
		]);
		await expectNoAxeViolations(page);
	});

	it('adds one person by keyboard, and names the fields that are wrong', async () => {
		const page = await pageAs(users.analyst, '/admin/waves/chefer/participants');
		await page.fill('#f-name', 'Dan Frid');
		await page.fill('#f-email', 'anna@lulea.se');
		await page.focus('#f-email');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('.error-summary li').allTextContents()).toEqual(['Välj en organisation.']);
		await expectNoAxeViolations(page);
		expect(await page.inputValue('#f-name')).toBe('Dan Frid');
		await page.selectOption('#f-organisation', { label: 'Boden' });
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Lägg till deltagaren' }).click()
		]);
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Adressen finns redan bland deltagarna.'
		]);
		await page.fill('#f-email', 'dan@boden.se');
		await page.fill('#f-title', 'IT-strateg');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Lägg till deltagaren' }).click()
		]);
		expect(await page.locator('[role=status]').textContent()).toContain('dan@boden.se lades till.');
		expect(await page.textContent('table.data')).toContain('Dan Frid');
	});

	it('is refused to an organisation contact, whatever wave is in the address', async () => {
		const client = await signInOverHttp(server.url, users.contact);
		expect((await client.get('/admin/waves/chefer/participants')).status).toBe(403);
		expect((await client.get('/admin/waves/finns-inte/participants')).status).toBe(403);
		const refused = await client.post('/admin/waves/chefer/participants?/add', [
			['name', 'X'],
			['email', 'x@x.se'],
			['organisation', '']
		]);
		expect(refused.status).toBe(403);
	});
});

describe('organisations and title mappings', () => {
	it('lets the administrator add a department, which the tree then shows', async () => {
		const page = await pageAs(users.admin, '/admin/organisations');
		await expectNoAxeViolations(page);
		await page.selectOption('#f-parent', { label: '– Luleå' });
		await page.fill('#f-name', 'Socialförvaltningen');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Lägg till enheten' }).click()
		]);
		expect(await page.locator('[role=status]').textContent()).toContain('Socialförvaltningen lades till.');
		expect(await page.textContent('table.data')).toContain('– – Socialförvaltningen');
		await page.selectOption('#f-move-unit', { label: '– Luleå' });
		await page.selectOption('#f-newParent', { label: '– – Socialförvaltningen' });
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Flytta' }).click()]);
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Luleå cannot be moved under Socialförvaltningen, which is part of it'
		]);
		await expectNoAxeViolations(page);
		// Analysts read the tree without the forms.
		const analyst = await pageAs(users.analyst, '/admin/organisations');
		expect(await analyst.textContent('main')).toContain('Bara administratörer kan ändra organisationerna.');
		expect(await analyst.locator('form[action="?/add"]').count()).toBe(0);
	});

	it("maps a wave's title to a role group", async () => {
		const page = await pageAs(users.analyst, '/admin/title-mappings?wave=chefer');
		await expectNoAxeViolations(page);
		await page.selectOption('select[name=roleGroup] >> nth=0', 'digital_utveckling');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Spara rollgrupp för IT-chef' }).click()
		]);
		expect(await page.locator('[role=status]').textContent()).toContain(
			'it-chef: 1 deltagare fick ny rollgrupp.'
		);
		expect(await page.textContent('main')).toContain('it-chef: Digital utveckling');
		await expectNoAxeViolations(page);
	});
});
