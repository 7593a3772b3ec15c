import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatePages } from '../support/template-answers.ts';
import { type E2eApp, startE2eApp } from './app.ts';
import { documentStatus, expectRespondentPage, respondentContext } from './browser.ts';
import { answerPages, follow } from './respondent.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([{ slug: 'varen-2026', mode: 'open' }]);
});
afterAll(async () => {
	await app?.close();
});

const path = (page: Page) => new URL(page.url()).pathname;
const resumeOffer = (page: Page) => page.getByText('Du har påbörjat enkäten i den här webbläsaren.');

describe('an open link', () => {
	it('asks for organisation and role, leads through the questionnaire, and offers to continue in the same browser', async () => {
		const context = await respondentContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.url}/o/varen-2026`);
		expect(await page.locator('h1').textContent()).toBe('Digital mognad i kommuner');
		expect(await page.textContent('main')).toContain('Börja med att berätta var du arbetar');
		expect(await resumeOffer(page).count()).toBe(0);
		await expectRespondentPage(page);

		// Starting without choosing explains what is missing, next to each field and in a linked summary.
		await follow(page, 'button', 'Börja svara');
		expect(documentStatus(page)).toBe(400);
		const summary = page.locator('.error-summary');
		expect(
			await summary.getByRole('link', { name: 'Välj den organisation du arbetar i.' }).getAttribute('href')
		).toBe('#f-organisation');
		expect(
			await summary.getByRole('link', { name: 'Välj den roll som passar dig bäst.' }).getAttribute('href')
		).toBe('#f-role_group');
		expect(await page.getAttribute('#f-organisation', 'aria-invalid')).toBe('true');
		const roles = page.getByRole('radiogroup', { name: 'Vilken roll har du?' });
		expect(await roles.getAttribute('aria-invalid')).toBe('true');
		expect(await roles.getAttribute('aria-describedby')).toBe('f-role_group-error');
		expect(await roles.locator('#f-role_group').count()).toBe(1);
		await expectRespondentPage(page);

		await page.getByLabel('Vilken organisation arbetar du i?').selectOption({ label: 'Luleå' });
		await roles.getByLabel('IT', { exact: true }).check();
		await page.getByLabel('Din befattning').fill('IT-chef');
		await follow(page, 'button', 'Börja svara');
		const match = /^\/s\/([\w-]+)$/.exec(path(page));
		const token = match?.[1] ?? '';
		expect(token).not.toBe('');
		// The personal link is shown, since there is no invitation to find it in again.
		expect(await page.locator('.link-box a').getAttribute('href')).toBe(`${app.url}/s/${token}`);
		await expectRespondentPage(page);

		// Nothing is saved until the first page is: the welcome page offers to start.
		await follow(page, 'link', 'Börja svara');
		const pages = templatePages(3);
		await answerPages(page, pages.slice(0, 2));
		expect(path(page)).toBe(`/s/${token}/sida/formaga`);

		// Back on the open link, the same browser is offered to continue (the resume cookie).
		await page.goto(`${app.url}/o/varen-2026`);
		expect(await resumeOffer(page).isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Fortsätt där du slutade' }).getAttribute('href')).toBe(
			`/s/${token}`
		);
		expect(await page.getByRole('heading', { name: 'Börja om med ett nytt svar' }).count()).toBe(1);
		await expectRespondentPage(page);
		// Another browser is not.
		const other = await (await respondentContext(app.browser)).newPage();
		await other.goto(`${app.url}/o/varen-2026`);
		expect(await resumeOffer(other).count()).toBe(0);

		await follow(page, 'link', 'Fortsätt där du slutade');
		expect(await page.textContent('main')).toContain('Du har redan börjat svara.');
		await follow(page, 'link', 'Fortsätt där du slutade');
		await answerPages(page, pages.slice(2));
		expect(path(page)).toBe(`/s/${token}/granska`);
		await expectRespondentPage(page);
		await follow(page, 'button', 'Skicka in svaren');
		expect(path(page)).toBe(`/s/${token}/tack`);
		expect(await page.locator('h1').textContent()).toBe('Tack för dina svar!');

		// A submitted response is not offered to be continued.
		await page.goto(`${app.url}/o/varen-2026`);
		expect(await resumeOffer(page).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Börja svara' }).count()).toBe(1);
	});
});
