import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/admin-client.ts';
import { type StaffApp, startStaffApp } from '../support/staff-app.ts';
import { expectNoAxeViolations, focused, loads } from './browser.ts';

// The demo button on the empty start page, in Chromium with JavaScript off: axe-core, keyboard only.
const BUTTON = 'Skapa exempelomgången Norrbotten 2020';
let app: StaffApp;
let users: StaffApp['users'];

beforeAll(async () => {
	app = await startStaffApp(async () => {}, { javaScriptEnabled: false });
	({ users } = app);
});
afterEach(() => app?.release());
afterAll(async () => {
	await app?.close();
});

const open = (role: keyof typeof users, target: string, javaScriptEnabled?: boolean) =>
	app.open(role, target, javaScriptEnabled);

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

describe('the demo on the empty start page', () => {
	it('is offered to analysts and administrators, not to viewers or contacts', async () => {
		for (const role of ['viewer', 'contact'] as const) {
			const page = await open(role, '/admin');
			expect(await page.locator('#demo-create').count()).toBe(0);
		}
		const viewer = await signInOverHttp(app.url, users.viewer);
		expect((await viewer.post('/admin?/demo', [])).status).toBe(403);
		const page = await open('analyst', '/admin');
		expect(await text(page, '#demo-heading')).toBe('Prova med ett exempel');
		expect(await text(page, '#demo-create')).toBe(BUTTON);
		await expectNoAxeViolations(page);
	});

	it('refuses a post from another site', async () => {
		const analyst = await signInOverHttp(app.url, users.analyst);
		const forged = await analyst.post('/admin?/demo', [], { origin: 'https://angripare.example' });
		expect(forged.status).toBe(403);
		expect((await analyst.get('/admin')).body).toContain(BUTTON);
	});

	it('creates the wave with the keyboard alone and shows its dashboard', async () => {
		const page = await open('analyst', '/admin');
		for (let i = 0; i < 40 && (await focused(page))?.id !== 'demo-create'; i++)
			await page.keyboard.press('Tab');
		expect((await focused(page))?.text).toBe(BUTTON);
		await loads(page, () => page.keyboard.press('Enter'));
		expect(new URL(page.url()).pathname).toBe('/admin/waves/norrbotten-2020');
		expect(await text(page, 'h1')).toBe('Digital mognad i Norrbottens kommuner 2020');
		await expectNoAxeViolations(page);
		await page.goto(`${app.url}/admin/waves/norrbotten-2020/results`);
		expect(await page.textContent('main')).toContain('8,5');
	});

	it('publishes the report as version 1, ready to download as PDF and Word', async () => {
		const viewer = await signInOverHttp(app.url, users.viewer);
		for (const [format, type] of [
			['pdf', 'application/pdf'],
			['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']
		]) {
			const res = await fetch(`${app.url}/admin/waves/norrbotten-2020/report/versions/1/report.${format}`, {
				headers: { cookie: viewer.cookie }
			});
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe(type);
			expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
		}
		const html = await viewer.get('/admin/waves/norrbotten-2020/report/versions/1/report.html');
		expect(html.body.replace(/\u00a0/g, ' ')).toContain(
			'80 % av respondenterna anser att behovet av digitalisering är stort'
		);
	});

	it('is gone once a wave exists; a stale form leads to the same wave', async () => {
		const page = await open('admin', '/admin');
		expect(await page.locator('#demo-create').count()).toBe(0);
		expect(await text(page, 'table.data tbody')).toContain('Digital mognad i Norrbottens kommuner 2020');
		const admin = await signInOverHttp(app.url, users.admin);
		const again = await admin.post('/admin?/demo', []);
		expect([again.status, again.location]).toEqual([303, '/admin/waves/norrbotten-2020']);
		const overview = await admin.get('/admin');
		expect(overview.body.match(/norrbotten-2020"/g)).toHaveLength(1);
	});
});
