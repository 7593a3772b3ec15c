import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededUser, signedInContext } from '../support/admin-client.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import { type E2eApp, seedSharedUsers, startE2eApp } from './app.ts';
import { downloadedBytes, expectNoAxeViolations } from './browser.ts';

// The export page as an analyst uses it: keyboard only, without JavaScript, downloads that open.
let app: E2eApp;
let browser: Browser;
let users: Record<'analyst', SeededUser>;

beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'varen-2024', name: 'Våren 2024', mode: 'invite', participants: 2, status: 'open' }
	]);
	browser = app.browser;
	users = await seedSharedUsers('export', ['analyst']);
	// Arvidsjaur (2505) submits, with a free-text answer a spreadsheet would run as a formula; Arjeplog
	// (2506) answers one page.
	await answerWholeQuestionnaire(app.url, app.token('varen-2024', 0), {
		replace: { 'q.behov': '5', 'q.stod': '=1+1 <b>fet</b>' }
	});
	await answerWholeQuestionnaire(app.url, app.token('varen-2024', 1), {
		replace: { 'q.behov': '3' },
		pages: 1
	});
});
afterAll(async () => {
	await app?.close();
});

describe('the export page', () => {
	it('passes axe, is reached from the dashboard, and downloads the chosen format by keyboard without JavaScript', async () => {
		const context = await signedInContext(browser, app.url, users.analyst, {
			javaScriptEnabled: false,
			acceptDownloads: true
		});
		const page = await context.newPage();
		await page.goto(`${app.url}/admin/waves/varen-2024`);
		await page
			.getByRole('navigation', { name: 'Mätomgångens sidor' })
			.getByRole('link', { name: 'Export', exact: true })
			.click();
		expect(page.url()).toBe(`${app.url}/admin/waves/varen-2024/export`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'Exportera data: Våren 2024'
		);
		await expect(page.getByText('1 inskickade och 1 påbörjade svar.').count()).resolves.toBe(1);
		await expectNoAxeViolations(page);

		// Choose "CSV med komma" and download, with the keyboard only.
		await page.getByLabel('CSV med komma').focus();
		await page.keyboard.press('Space');
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Ladda ner svaren' }).focus();
		await page.keyboard.press('Enter');
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('varen-2024-svar.csv');
		const rows: Record<string, string>[] = parse(await downloadedBytes(download), {
			bom: true,
			columns: true,
			delimiter: ','
		});
		expect(rows.map((r) => [r.organisation_code, r.status, r.behov, r.stod]).sort()).toEqual([
			['2505', 'complete', '5', "'=1+1 <b>fet</b>"],
			['2506', 'partial', '3', '']
		]);

		const questionnaire = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Ladda ner enkäten (JSON)' }).click();
		const file = await questionnaire;
		expect(file.suggestedFilename()).toBe('digital-mognad-i-kommuner-v3.json');
		expect(JSON.parse((await downloadedBytes(file)).toString('utf8')).code).toBe('digital-mognad-i-kommuner');
		await context.close();
	});
});
