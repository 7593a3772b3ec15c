import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededUser, signedInContext } from '../support/admin-client.ts';
import { type E2eApp, seedSharedUsers, startE2eApp } from './app.ts';
import { expectNoAxeViolations, loads } from './browser.ts';

// Editing a wave's settings without JavaScript: everything in a draft, only the deadline and the sender
// once open, with the reason beside each locked field.
let app: E2eApp;
let users: Record<'analyst', SeededUser>;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'andras-utkast', mode: 'invite', status: 'draft' },
		{ slug: 'andras-pagaende', mode: 'invite', status: 'open' }
	]);
	users = await seedSharedUsers('wave-edit', ['analyst']);
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await app?.close();
});

async function open(target: string): Promise<Page> {
	const context = await signedInContext(app.browser, app.url, users.analyst, { javaScriptEnabled: false });
	contexts.push(context);
	const page = await context.newPage();
	await page.goto(`${app.url}${target}`);
	return page;
}

describe('editing a wave', () => {
	it('changes every setting of a draft and shows them on the wave page', async () => {
		const page = await open('/admin/waves/andras-utkast/edit');
		expect(await page.textContent('h1')).toBe('Ändra mätomgången');
		await expectNoAxeViolations(page);
		await page.fill('#f-name', 'Mognad hösten');
		await page.fill('#f-period', 'Hösten 2026');
		await page.fill('#f-deadline', '2026-11-30');
		await page.fill('#f-k', '7');
		await page.fill('#f-senderName', 'Regionens IT');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(new URL(page.url()).pathname).toBe('/admin/waves/andras-utkast');
		const facts = await page.textContent('dl.facts');
		for (const part of ['Hösten 2026', '2026-11-30', '7']) expect(facts).toContain(part);
		expect(await page.textContent('h1')).toBe('Mognad hösten');
	});

	it('says what is wrong with a bad value, beside the field', async () => {
		const page = await open('/admin/waves/andras-utkast/edit');
		await page.fill('#f-k', '0');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await page.textContent('#f-k-error')).toContain('från 1 till 1000');
		await expectNoAxeViolations(page);
	});

	it('locks the name, period and k of an open wave with the reason, and extends its deadline', async () => {
		const page = await open('/admin/waves/andras-pagaende/edit');
		expect(await page.locator('#f-k').evaluate((e) => e.tagName)).toBe('DIV');
		expect(await page.textContent('#f-k')).toContain('minsta gruppstorleken');
		expect(await page.textContent('#f-name')).toContain('inbjudningarna har redan skickats');
		await expectNoAxeViolations(page);
		await page.fill('#f-deadline', '2030-12-31');
		await loads(page, () => page.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await page.textContent('dl.facts')).toContain('2030-12-31');

		const again = await open('/admin/waves/andras-pagaende/edit');
		await again.fill('#f-deadline', '2030-01-01');
		await loads(again, () => again.getByRole('button', { name: 'Spara ändringarna' }).click());
		expect(await again.textContent('#f-deadline-error')).toContain('kan bara flyttas fram');
	});
});
