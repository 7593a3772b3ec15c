import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededUser, seedUsers, signedInContext } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';
import { connectBrowser, expectNoAxeViolations, loads } from './browser.ts';

// Editing a wave's settings without JavaScript: everything in a draft, only the deadline and the sender
// once open, with the reason beside each locked field.
let dataDir: string;
let server: AppServer;
let browser: Browser;
let users: Record<'admin' | 'analyst' | 'contact' | 'viewer', SeededUser>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	dataDir = seededDataDir();
	await seedWave({ dataDir, slug: 'utkast', mode: 'invite', status: 'draft' });
	await seedWave({ dataDir, slug: 'pagaende', mode: 'invite', status: 'open' });
	users = await seedUsers({ dataDir });
	server = await startAppServer({ dataDir });
	browser = await connectBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
	await server?.stop();
	removeDataDir(dataDir);
});

async function open(target: string): Promise<Page> {
	const context = await signedInContext(browser, server.url, users.analyst, { javaScriptEnabled: false });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto(`${server.url}${target}`);
	return page;
}

describe('editing a wave', () => {
	it('changes every setting of a draft and shows them on the wave page', async () => {
		const page = await open('/admin/waves/utkast/edit');
		expect(await page.textContent('h1')).toBe('Ändra mätomgången');
		await expectNoAxeViolations(page);
		await page.fill('#f-name', 'Mognad hösten');
		await page.fill('#f-period', 'Hösten 2026');
		await page.fill('#f-deadline', '2026-11-30');
		await page.fill('#f-k', '7');
		await page.fill('#f-senderName', 'Regionens IT');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(new URL(page.url()).pathname).toBe('/admin/waves/utkast');
		const facts = await page.textContent('dl.facts');
		for (const part of ['Hösten 2026', '2026-11-30', '7']) expect(facts).toContain(part);
		expect(await page.textContent('h1')).toBe('Mognad hösten');
	});

	it('says what is wrong with a bad value, beside the field', async () => {
		const page = await open('/admin/waves/utkast/edit');
		await page.fill('#f-k', '0');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await page.textContent('#f-k-error')).toContain('från 1 till 1000');
		await expectNoAxeViolations(page);
	});

	it('locks the name, period and k of an open wave with the reason, and extends its deadline', async () => {
		const page = await open('/admin/waves/pagaende/edit');
		expect(await page.locator('#f-k').evaluate((e) => e.tagName)).toBe('DIV');
		expect(await page.textContent('#f-k')).toContain('minsta gruppstorleken');
		expect(await page.textContent('#f-name')).toContain('inbjudningarna har redan skickats');
		await expectNoAxeViolations(page);
		await page.fill('#f-deadline', '2030-12-31');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await page.textContent('dl.facts')).toContain('2030-12-31');

		const again = await open('/admin/waves/pagaende/edit');
		await again.fill('#f-deadline', '2030-01-01');
		await loads(again, () => again.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await again.textContent('#f-deadline-error')).toContain('kan bara flyttas fram');
	});
});
