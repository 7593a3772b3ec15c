import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatePages } from '../support/template-answers.ts';
import { type E2eApp, startE2eApp } from './app.ts';
import { documentStatus, expectRespondentPage, respondentContext } from './browser.ts';
import { answerPages, fillFields, follow } from './respondent.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'sprak', mode: 'invite', participants: 3 },
		{ slug: 'sprak-lank', mode: 'open' }
	]);
});
afterAll(async () => {
	await app?.close();
});

const lang = (page: Page) => page.getAttribute('html', 'lang');
const heading = (page: Page) => page.locator('h1').textContent();
const path = (page: Page) => new URL(page.url()).pathname;

describe('the respondent pages’ language', () => {
	it('is Swedish by default, also for a browser that prefers a language the app does not have', async () => {
		for (const locale of ['sv-SE', 'de-DE']) {
			const page = await (await respondentContext(app.browser, { locale })).newPage();
			await page.goto(`${app.url}/s/${app.token('sprak', 0)}`);
			expect(await lang(page)).toBe('sv');
			expect(await heading(page)).toBe('Digital mognad i kommuner');
			expect(await page.getByRole('link', { name: 'Börja svara' }).count()).toBe(1);
		}
	});

	it('is English with ?lang=en, on every page that follows, through to the thank-you page', async () => {
		const token = app.token('sprak', 1);
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/s/${token}?lang=en`);
		expect(await lang(page)).toBe('en');
		expect(await heading(page)).toBe('Digital maturity in municipalities');
		expect(await page.textContent('main')).toContain('The questionnaire has 6 pages.');
		expect(await page.getByRole('link', { name: 'På svenska' }).getAttribute('lang')).toBe('sv');
		await expectRespondentPage(page);

		await follow(page, 'link', 'Start');
		expect(path(page)).toBe(`/s/${token}/sida/behov`);
		expect(await lang(page)).toBe('en');
		expect(await page.textContent('main')).toContain('Page 1 of 6');
		expect(
			await page.getByRole('radiogroup', { name: 'How great is the need for digitalisation' }).count()
		).toBe(1);

		// Errors in English.
		await follow(page, 'button', 'Next');
		expect(documentStatus(page)).toBe(400);
		expect(await page.locator('.error-summary h2').textContent()).toBe('There is a problem');
		const links = page.locator('.error-summary a');
		expect(await links.allTextContents()).toEqual([
			'How great is the need for digitalisation in your municipality? – This question is required.',
			'Does the whole municipal management share this view? – This question is required.'
		]);
		expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
			'#q-behov',
			'#q-ledning_delar'
		]);
		await expectRespondentPage(page);

		const pages = templatePages(1);
		await fillFields(page, pages[0]?.fields ?? []);
		await follow(page, 'button', 'Save and continue later');
		expect(await heading(page)).toBe('Your answers are saved');
		expect(await lang(page)).toBe('en');
		await expectRespondentPage(page);

		await page.goto(`${app.url}/s/${token}`);
		expect(await page.textContent('main')).toContain('You have already started. Your answers are saved.');
		await follow(page, 'link', 'Continue where you left off');
		await follow(page, 'button', 'Next');
		await answerPages(page, pages.slice(1));
		expect(path(page)).toBe(`/s/${token}/granska`);
		expect(await heading(page)).toBe('Review your answers');
		expect(await page.textContent('main')).toContain('Does the whole municipal management share this view?');
		await expectRespondentPage(page);
		await follow(page, 'button', 'Submit your answers');
		expect(await heading(page)).toBe('Thank you for your answers!');
		expect(await lang(page)).toBe('en');
		await expectRespondentPage(page);

		await page.goto(`${app.url}/s/${token}`);
		expect(await heading(page)).toBe('You have already answered');
		await expectRespondentPage(page);
	});

	it('switches back to Swedish with the "På svenska" link', async () => {
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/o/sprak-lank?lang=en`);
		expect(await lang(page)).toBe('en');
		await follow(page, 'link', 'På svenska');
		expect(await lang(page)).toBe('sv');
		expect(await page.getByRole('button', { name: 'Börja svara' }).count()).toBe(1);
		await page.goto(`${app.url}/o/sprak-lank`);
		expect(await lang(page)).toBe('sv');
	});

	it('is English for a browser that prefers English (Accept-Language)', async () => {
		const page = await (await respondentContext(app.browser, { locale: 'en-GB' })).newPage();
		await page.goto(`${app.url}/o/sprak-lank`);
		expect(await lang(page)).toBe('en');
		expect(await heading(page)).toBe('Digital maturity in municipalities');
		expect(await page.textContent('main')).toContain(
			'Start by telling us where you work and what your role is.'
		);
		expect(await page.getByLabel('Which organisation do you work in?').count()).toBe(1);
		expect(await page.getByRole('radiogroup', { name: 'What is your role?' }).count()).toBe(1);
		await expectRespondentPage(page);

		await page.goto(`${app.url}/s/${app.token('sprak', 2)}/sida/vision`);
		expect(await lang(page)).toBe('en');
		expect(await heading(page)).toBe('Vision and citizen experience');
		expect(await page.getByRole('button', { name: 'Previous' }).count()).toBe(1);
		await expectRespondentPage(page);
	});
});
