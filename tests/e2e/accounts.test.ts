import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInContext } from '../support/admin-client.ts';
import { type OwnE2eApp, startOwnE2eApp } from './app.ts';
import { expectFocus, expectNoAxeViolations, focused, loads } from './browser.ts';

// Staff pages in Chromium: the first administrator, signing in and out by keyboard, and each page
// checked with axe-core (WCAG 2.1 A/AA).
let app: OwnE2eApp;
let page: Page;
let kimPassword = '';
const ADMIN = { name: 'Ada Admin', email: 'ada@example.org', password: 'administratörens lösenord' };

beforeAll(async () => {
	app = await startOwnE2eApp([{ slug: 'host-2024', mode: 'invite', participants: 1 }]);
	page = await (await app.browser.newContext({ locale: 'sv-SE' })).newPage();
});
afterAll(async () => {
	await app?.close();
});

const path = () => new URL(page.url()).pathname;

/** Presses Tab until the element with `id` has focus (at most `limit` times). */
async function tabTo(id: string, limit = 15): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if ((await focused(page))?.id === id) return;
	}
	throw new Error(`Tab never reached #${id} on ${page.url()}`);
}

describe('staff pages', () => {
	it('set up the first administrator on an empty installation', async () => {
		await page.goto(app.url);
		await loads(page, () =>
			page.getByRole('link', { name: 'Det finns inga konton ännu: skapa den första administratören' }).click()
		);
		expect(path()).toBe('/setup');
		expect(await page.locator('h1').textContent()).toBe('Skapa den första administratören');
		await expectNoAxeViolations(page);
		await page.getByLabel('Namn').fill(ADMIN.name);
		await page.getByLabel('E-postadress').fill(ADMIN.email);
		await page.getByLabel('Lösenord', { exact: true }).fill(ADMIN.password);
		await page.getByLabel('Upprepa lösenordet').fill('något annat lösenord');
		await loads(page, () => page.getByRole('button', { name: 'Skapa administratören' }).click());
		expect(await page.locator('.error-summary').textContent()).toContain('Lösenorden är inte likadana.');
		await expectNoAxeViolations(page);
		await page.getByLabel('Lösenord', { exact: true }).fill(ADMIN.password);
		await page.getByLabel('Upprepa lösenordet').fill(ADMIN.password);
		await loads(page, () => page.getByRole('button', { name: 'Skapa administratören' }).click());
		expect(path()).toBe('/admin');
		expect(await page.locator('header').textContent()).toContain('Inloggad som Ada Admin (administratör)');
	});

	it('list the waves on the overview, behind a skip link and a navigation', async () => {
		expect(await page.locator('main h1').textContent()).toBe('Mätomgångar');
		const row = page.getByRole('row', { name: /Test host-2024/ });
		expect(await row.textContent()).toContain('Öppen');
		expect(
			await page.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents()
		).toEqual([
			'Översikt',
			'Användare',
			'Organisationer',
			'Titlar och rollgrupper',
			'Enkäter',
			'Mitt konto',
			'Logg',
			'Personuppgifter'
		]);
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'a', text: 'Hoppa till innehållet' });
		await expectNoAxeViolations(page);
	});

	it('let the administrator add a user and see the password once', async () => {
		await loads(page, () => page.getByRole('link', { name: 'Användare' }).click());
		await expectNoAxeViolations(page);
		await page.getByLabel('Namn', { exact: true }).fill('Kim Kontakt');
		await page.getByLabel('E-postadress', { exact: true }).fill('kim@lulea.se');
		await page.getByLabel('Roll', { exact: true }).selectOption('contact');
		await loads(page, () => page.getByRole('button', { name: 'Skapa användaren' }).click());
		// A contact needs a unit: the summary links to the field.
		const summaryLink = page.locator('.error-summary a');
		expect(await summaryLink.textContent()).toBe('Välj organisation för en kontaktperson.');
		expect(await summaryLink.getAttribute('href')).toBe('#f-organisation');
		await expectNoAxeViolations(page);
		await page.getByLabel('Organisation', { exact: true }).selectOption({ label: '– Luleå' });
		await loads(page, () => page.getByRole('button', { name: 'Skapa användaren' }).click());
		expect(await page.getByRole('status').textContent()).toContain('Kontot för kim@lulea.se är skapat.');
		kimPassword = (await page.locator('#new-password').textContent()) ?? '';
		expect(kimPassword).toMatch(/^[\w-]{24}$/);
		expect(await page.getByRole('row', { name: /Kim Kontakt/ }).textContent()).toContain('Luleå');
		await expectNoAxeViolations(page);
	});

	it('let a user create and revoke their own API token', async () => {
		await loads(page, () => page.getByRole('link', { name: 'Mitt konto' }).click());
		await expectNoAxeViolations(page);
		await page.getByLabel('Namn på nyckeln').fill('Rapportskript');
		await loads(page, () => page.getByRole('button', { name: 'Skapa nyckel' }).click());
		expect(await page.locator('#new-token').textContent()).toMatch(/^[\w-]{43}$/);
		await expectNoAxeViolations(page);
		await loads(page, () => page.getByRole('button', { name: 'Återkalla Rapportskript' }).click());
		expect(await page.getByRole('status').textContent()).toContain('Nyckeln "Rapportskript" är återkallad.');
	});

	it('sign out with the button in the header', async () => {
		await loads(page, () => page.getByRole('button', { name: 'Logga ut' }).click());
		expect(path()).toBe('/login');
		expect(await page.getByRole('status').textContent()).toContain('Du är utloggad.');
		await page.goto(`${app.url}/admin/users`);
		expect(path()).toBe('/login');
	});

	it('sign in by keyboard alone, with a clear message for a wrong password', async () => {
		await page.goto(`${app.url}/login?next=/admin/users`);
		await expectNoAxeViolations(page);
		await tabTo('f-email');
		await expectFocus(page, { tag: 'input', id: 'f-email' });
		await page.keyboard.type(ADMIN.email);
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'input', id: 'f-password' });
		await page.keyboard.type('fel lösenord helt klart');
		await loads(page, () => page.keyboard.press('Enter'));
		expect(await page.locator('.error-summary').textContent()).toContain('Fel e-postadress eller lösenord.');
		expect(await page.locator('#f-email').inputValue()).toBe(ADMIN.email);
		await expectNoAxeViolations(page);
		await tabTo('f-password', 20);
		await page.keyboard.type(ADMIN.password);
		await loads(page, () => page.keyboard.press('Enter'));
		expect(path()).toBe('/admin/users');
		// Sign out by keyboard too.
		await tabTo('sign-out', 20);
		await loads(page, () => page.keyboard.press('Enter'));
		expect(path()).toBe('/login');
	});

	it("keep an organisation contact out of the administrator's pages", async () => {
		const context = await signedInContext(app.browser, app.url, {
			email: 'kim@lulea.se',
			password: kimPassword
		});
		const contact = await context.newPage();
		await contact.goto(`${app.url}/admin`);
		expect(await contact.locator('header').textContent()).toContain(
			'Inloggad som Kim Kontakt (kontaktperson)'
		);
		expect(await contact.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
			'Översikt',
			'Mitt konto'
		]);
		const refused = await contact.goto(`${app.url}/admin/users`);
		expect(refused?.status()).toBe(403);
		expect(await contact.locator('h1').textContent()).toBe('Något gick fel');
		expect(await contact.textContent('main')).toContain('Ditt konto har inte behörighet till den här sidan.');
		await expectNoAxeViolations(contact);
		await context.close();
	});
});
