import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SeededUser } from '../support/admin-client.ts';
import { type E2eApp, seedSharedUsers, startE2eApp } from './app.ts';
import { expectNoAxeViolations } from './browser.ts';
import { type SignedInPages, signedInPages } from './signed-in-pages.ts';

// Importing another tool's export through the column mapping, in Chromium with JavaScript off (every step
// is a form post) and axe-core on every state.
let app: E2eApp;
let pages: SignedInPages;
let users: Record<'analyst', SeededUser>;

beforeAll(async () => {
	app = await startE2eApp([{ slug: 'import-ar-2020', mode: 'invite', participants: 0, status: 'closed' }]);
	users = await seedSharedUsers('import-responses', ['analyst']);
	pages = signedInPages(app.browser, app.url);
});
afterEach(() => pages?.release());
afterAll(async () => {
	await app?.close();
});

const pageAs = async (user: SeededUser, path: string): Promise<Page> =>
	(await pages.open(user, path, { javaScriptEnabled: false })).page;

const press = async (page: Page, name: string) => {
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
};

describe('importing responses with a column mapping', () => {
	it('uploads, matches columns and values, shows every problem, then imports on confirmation', async () => {
		const page = await pageAs(users.analyst, '/admin/waves/import-ar-2020/import');
		expect(await page.locator('h1').textContent()).toBe('Importera svar till Test import-ar-2020');
		await expectNoAxeViolations(page);

		await page.setInputFiles('#f-file', {
			name: 'enkat-2020.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'\uFEFFId;Kommun;Delar ledningen?;Behov\r\n1;Luleå;Ja;7\r\n2;Piteå;Vet ej;3\r\n3;Boden;Kanske;5\r\n'
			)
		});
		await press(page, 'Läs in filen');
		expect(await page.textContent('main')).toContain('Filen enkat-2020.csv har 4 kolumner.');
		// A header named as in the export is matched already; the others are not read until matched.
		expect(await page.inputValue('#c3')).toBe('behov');
		expect(await page.inputValue('#c0')).toBe('');
		await expectNoAxeViolations(page);

		await page.selectOption('#c0', 'response_id');
		await page.selectOption('#c1', 'organisation');
		await page.selectOption('#c2', 'ledning_delar');
		await press(page, 'Uppdatera kopplingen');
		// The file's values of a choice question, matched to its options by label where they agree.
		expect(await page.inputValue('#v2_0')).toBe('ja');
		expect(await page.inputValue('#v2_1')).toBe('vet_ej');
		expect(await page.inputValue('#v2_2')).toBe('');
		await expectNoAxeViolations(page);

		await press(page, 'Kontrollera filen');
		expect(await page.locator('#check-title ~ .error-summary li').allTextContents()).toEqual([
			'Rad 4, kolumn ”Delar ledningen?”: ”Kanske” är inget av frågans svarsalternativ.'
		]);
		expect(await page.textContent('main')).toContain('Ingenting har importerats.');
		await expectNoAxeViolations(page);

		await page.selectOption('#v2_2', 'nej');
		await press(page, 'Kontrollera filen');
		expect(await page.locator('#check-title ~ [role=status]').textContent()).toContain(
			'Filen har 3 rader. 3 svar kan importeras; 0 har importerats tidigare'
		);
		await expectNoAxeViolations(page);

		await press(page, 'Importera 3 svar');
		expect(await page.locator('[role=status]').textContent()).toContain(
			'3 svar importerades till Test import-ar-2020 (0 fanns redan).'
		);
		await expectNoAxeViolations(page);
	});
});
