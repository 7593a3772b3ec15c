import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, startE2eApp } from './app.ts';
import { expectRespondentPage, respondentContext } from './browser.ts';
import { checkedValue, fillFields, follow } from './respondent.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([{ slug: 'paus', mode: 'invite', participants: 1 }]);
});
afterAll(async () => {
	await app?.close();
});

const path = (page: Page) => new URL(page.url()).pathname;
const textOf = (page: Page, name: string) => page.locator(`[name="${name}"]`).inputValue();

describe('a respondent who stops and comes back', () => {
	it('finds the saved answers in a new browser session, keeps them when going back, and can save the link for later', async () => {
		const token = app.token('paus');
		const first = await respondentContext(app.browser);
		const page = await first.newPage();
		await page.goto(`${app.url}/s/${token}`);
		expect(await page.textContent('main')).not.toContain('Du har redan börjat svara');
		await follow(page, 'link', 'Börja svara');
		await fillFields(page, [
			['q.behov', '4'],
			['q.behov_kommentar', 'Första sidan.'],
			['q.ledning_delar', 'vet_ej']
		]);
		await follow(page, 'button', 'Nästa');
		await fillFields(page, [
			['q.vision', 'ja'],
			['q.vision_kommentar', 'Andra sidan.'],
			['q.medborgarbild', 'nej'],
			['q.beslutskapacitet', 'nej']
		]);
		await follow(page, 'button', 'Nästa');
		expect(path(page)).toBe(`/s/${token}/sida/formaga`);
		await first.close();

		// A new session (no cookies, no history): the link says the survey is started.
		const second = await respondentContext(app.browser);
		const again = await second.newPage();
		await again.goto(`${app.url}/s/${token}`);
		expect(await again.textContent('main')).toContain('Du har redan börjat svara. Dina svar är sparade.');
		await expectRespondentPage(again);
		await follow(again, 'link', 'Fortsätt där du slutade');
		expect(path(again)).toBe(`/s/${token}/sida/formaga`);
		expect(await again.textContent('main')).toContain('Sida 3 av 6');

		// "Föregående" saves this page and shows the earlier ones as they were answered.
		await fillFields(again, [
			['q.it_arv', 'ja'],
			['q.it_arv_kommentar', 'Gamla system.']
		]);
		await follow(again, 'button', 'Föregående');
		expect(path(again)).toBe(`/s/${token}/sida/vision`);
		expect(await checkedValue(again, 'q.vision')).toBe('ja');
		expect(await textOf(again, 'q.vision_kommentar')).toBe('Andra sidan.');
		expect(await checkedValue(again, 'q.medborgarbild')).toBe('nej');
		expect(await checkedValue(again, 'q.beslutskapacitet')).toBe('nej');
		await expectRespondentPage(again);
		await follow(again, 'button', 'Föregående');
		expect(path(again)).toBe(`/s/${token}/sida/behov`);
		expect(await checkedValue(again, 'q.behov')).toBe('4');
		expect(await textOf(again, 'q.behov_kommentar')).toBe('Första sidan.');
		expect(await checkedValue(again, 'q.ledning_delar')).toBe('vet_ej');
		await follow(again, 'button', 'Nästa');
		await follow(again, 'button', 'Nästa');
		expect(path(again)).toBe(`/s/${token}/sida/formaga`);
		expect(await checkedValue(again, 'q.it_arv')).toBe('ja');
		expect(await textOf(again, 'q.it_arv_kommentar')).toBe('Gamla system.');

		// "Spara och fortsätt senare" shows the personal link, which leads back to this page.
		await fillFields(again, [['q.it_arv', 'nej']]);
		await follow(again, 'button', 'Spara och fortsätt senare');
		expect(path(again)).toBe(`/s/${token}/sparad`);
		expect(await again.locator('h1').textContent()).toBe('Dina svar är sparade');
		const link = again.locator('.link-box a');
		expect(await link.getAttribute('href')).toBe(`${app.url}/s/${token}`);
		expect(await link.textContent()).toBe(`${app.url}/s/${token}`);
		expect(await again.textContent('main')).toContain('Den är personlig: dela den inte med någon.');
		await expectRespondentPage(again);

		await follow(again, 'link', `${app.url}/s/${token}`);
		await follow(again, 'link', 'Fortsätt där du slutade');
		expect(path(again)).toBe(`/s/${token}/sida/formaga`);
		expect(await checkedValue(again, 'q.it_arv')).toBe('nej');
		await second.close();
	});
});
