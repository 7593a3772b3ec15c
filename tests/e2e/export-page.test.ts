import { parse } from 'csv-parse/sync';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';
import { type SeededUser, seedUser, signedInContext } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { completeAnswers, respond } from '../support/results-dataset.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';
import { connectBrowser, downloadedBytes, expectNoAxeViolations } from './browser.ts';

// The export page as an analyst uses it: keyboard only, without JavaScript, downloads that open.
let backend: TestBackend;
let server: AppServer;
let browser: Browser;
const users: Record<string, SeededUser> = {};

beforeAll(async () => {
	backend = await createTestBackend('export_page');
	const target = { dataDir: backend.dataDir, url: backend.url };
	users.analyst = await seedUser({ ...target, role: 'analyst' });
	const database = await openDatabase(target);
	try {
		const { db } = database;
		await createWave(db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Våren 2024',
			slug: 'varen-2024'
		});
		await setWaveStatus(db, 'varen-2024', 'open');
		await respond(
			db,
			'varen-2024',
			'2580',
			completeAnswers({ stod: { kind: 'text', value: '=1+1 <b>fet</b>' } })
		);
		await respond(db, 'varen-2024', '2581', { behov: { kind: 'scale', value: 3 } }, true);
	} finally {
		await database.close();
	}
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	browser = await connectBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await backend?.cleanup();
});

describe('the export page', () => {
	it('passes axe, is reached from the dashboard, and downloads the chosen format by keyboard without JavaScript', async () => {
		const context = await signedInContext(browser, server.url, users.analyst as SeededUser, {
			javaScriptEnabled: false,
			acceptDownloads: true
		});
		const page = await context.newPage();
		await page.goto(`${server.url}/admin/waves/varen-2024`);
		await page
			.getByRole('navigation', { name: 'Mätomgångens sidor' })
			.getByRole('link', { name: 'Export', exact: true })
			.click();
		expect(page.url()).toBe(`${server.url}/admin/waves/varen-2024/export`);
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
			['2580', 'complete', '5', "'=1+1 <b>fet</b>"],
			['2581', 'partial', '3', '']
		]);

		const questionnaire = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Ladda ner enkäten (JSON)' }).click();
		const file = await questionnaire;
		expect(file.suggestedFilename()).toBe('digital-mognad-i-kommuner-v2.json');
		expect(JSON.parse((await downloadedBytes(file)).toString('utf8')).code).toBe('digital-mognad-i-kommuner');
		await context.close();
	});
});
