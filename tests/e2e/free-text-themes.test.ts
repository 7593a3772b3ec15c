import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import { barChart } from '../../src/lib/server/charts/bar-chart.ts';
import { groupedBarChart } from '../../src/lib/server/charts/grouped-bar-chart.ts';
import { pieChart } from '../../src/lib/server/charts/pie-chart.ts';
import { radarChart } from '../../src/lib/server/charts/radar-chart.ts';
import { scatterChart } from '../../src/lib/server/charts/scatter-chart.ts';
import { type SeededUser, signedInContext, signInOverHttp } from '../support/admin-client.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import { type E2eApp, seedSharedUsers, startE2eApp } from './app.ts';
import { expectNoAxeViolations } from './browser.ts';
import { type SignedInPages, signedInPages } from './signed-in-pages.ts';

const hostile = '<img src=x onerror=alert(1)>';
const answers = [
	'Ansträngd ekonomi och brist på resurser.',
	'Ekonomin är ansträngd och resurserna räcker inte.',
	'Resursbrist och en ansträngd ekonomi.',
	'Medborgarnas förväntningar på e-tjänster.',
	'Förväntningar från medborgarna på service och e-tjänster.',
	hostile
];
const PAGE = '/admin/waves/teman/results/drivkrafter';

let app: E2eApp;
let browser: Browser;
let pages: SignedInPages;
let users: Record<TRole, SeededUser>;

beforeAll(async () => {
	// Six people of Luleå answer the whole questionnaire, each with one of the driving forces above.
	app = await startE2eApp([
		{ slug: 'teman', mode: 'invite', participants: answers.length, organisation: '2580' }
	]);
	for (const [seed, text] of answers.entries()) {
		await answerWholeQuestionnaire(app.url, app.token('teman', seed), {
			seed,
			replace: { 'q.drivkrafter': text }
		});
	}
	users = await seedSharedUsers('teman', ['admin', 'analyst', 'contact', 'viewer']);
	browser = app.browser;
	pages = signedInPages(browser, app.url);
});
afterEach(() => pages?.release());
afterAll(async () => {
	await app?.close();
});

async function openAs(user: SeededUser, javaScriptEnabled = false): Promise<Page> {
	const opened = await pages.open(user, PAGE, { javaScriptEnabled }, (page) =>
		page.on('dialog', () => {
			throw new Error('a dialog opened: text from an answer ran as script');
		})
	);
	return opened.page;
}

/** Submits the form the button belongs to and waits for the page that comes back. */
async function submit(page: Page, button: ReturnType<Page['locator']>): Promise<void> {
	await Promise.all([page.waitForEvent('load'), button.click()]);
}

describe('the free-text page for an analyst, without JavaScript', () => {
	it('shows every answer as text, hostile markup included, and passes axe-core', async () => {
		const page = await openAs(users.analyst);
		expect(await page.locator('h1').textContent()).toBe(
			'Vad driver på den digitala utvecklingen inom er kommun?'
		);
		const quotes = await page.locator('blockquote.answer-text').allTextContents();
		expect(quotes).toEqual(answers);
		expect(await page.locator('main img').count()).toBe(0);
		expect(await page.textContent('main')).toContain(
			'6 svar från inskickade enkäter, varav 0 med minst ett tema.'
		);
		await expectNoAxeViolations(page);
	});

	it('creates a theme, and says what is wrong with an empty name', async () => {
		const page = await openAs(users.analyst);
		await submit(page, page.getByRole('button', { name: 'Skapa tema', exact: true }));
		expect(await page.locator('.error-summary').textContent()).toContain('Skriv ett namn på temat.');
		expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#f-create');
		await expectNoAxeViolations(page);

		await page.fill('#f-create', 'Förväntningar från medborgare och samhälle');
		await submit(page, page.getByRole('button', { name: 'Skapa tema', exact: true }));
		expect(new URL(page.url()).search).toBe('?saved');
		expect(await page.locator('[role=status]').textContent()).toContain('Ändringen är sparad.');

		await page.fill('#f-create', ' Förväntningar från medborgare och samhälle ');
		await submit(page, page.getByRole('button', { name: 'Skapa tema', exact: true }));
		expect(await page.locator('.error-summary').textContent()).toContain(
			'Det finns redan ett tema som heter Förväntningar från medborgare och samhälle.'
		);
	});

	it('accepts a suggested group under an edited name and shows the counts as a chart with its table', async () => {
		const page = await openAs(users.analyst);
		expect(await page.locator('section.suggestion').count()).toBe(0);
		await submit(page, page.getByRole('button', { name: 'Föreslå teman' }));
		const suggestion = page.locator('section.suggestion').first();
		expect(await suggestion.locator('li').allTextContents()).toEqual(answers.slice(0, 3));
		const field = suggestion.locator('input[name=label]');
		expect(await field.inputValue()).toBe('Ansträngd, ekonomi och resurser');
		await field.fill('Ansträngd ekonomi och resursbrist');
		await submit(page, suggestion.getByRole('button', { name: 'Skapa temat och märk svaren' }));
		// The suggestions stay open for the next group.
		expect(new URL(page.url()).search).toBe('?saved&suggest');
		expect(await page.locator('section.suggestion li').allTextContents()).toEqual(answers.slice(3, 5));

		const figure = page.locator('figure.chart-figure');
		const svg = figure.locator('svg[role=img]');
		expect(await svg.getAttribute('aria-label')).toBe(
			'Stapeldiagram: Ansträngd ekonomi och resursbrist 3, Förväntningar från medborgare och samhälle 0, n = 6'
		);
		expect(await figure.locator('tbody tr').allInnerTexts()).toEqual([
			'Ansträngd ekonomi och resursbrist\t3\t50\u00a0%',
			'Förväntningar från medborgare och samhälle\t0\t0\u00a0%'
		]);
		expect(await page.textContent('main')).toContain('varav 3 med minst ett tema.');
		await expectNoAxeViolations(page);
	});

	it('tags an answer with a second theme and takes it off again, marks it quotable', async () => {
		const page = await openAs(users.analyst);
		const first = page.locator('article.answer').first();
		await first
			.locator('select[name=themeId]')
			.selectOption({ label: 'Förväntningar från medborgare och samhälle' });
		await submit(page, first.getByRole('button', { name: 'Lägg till tema' }));
		const tags = () => page.locator('article.answer').first().locator('.tags li').allTextContents();
		expect((await tags()).map((t) => t.replace(/\s+Ta bort$/, '').trim())).toEqual([
			'Ansträngd ekonomi och resursbrist',
			'Förväntningar från medborgare och samhälle'
		]);
		await submit(
			page,
			page.getByRole('button', { name: 'Ta bort Förväntningar från medborgare och samhälle från svar 1' })
		);
		expect(await tags()).toHaveLength(1);

		const marks = page.locator('article.answer').first();
		await marks.getByLabel('Kan citeras i rapporten').check();
		await submit(page, marks.getByRole('button', { name: 'Spara markeringar' }));
		expect(
			await page.locator('article.answer').first().getByLabel('Kan citeras i rapporten').isChecked()
		).toBe(true);
		expect(
			await page
				.locator('article.answer')
				.first()
				.getByLabel('Visas för organisationens kontaktpersoner')
				.isChecked()
		).toBe(false);
	});

	it('renames and merges themes with the keyboard', async () => {
		const page = await openAs(users.analyst);
		await page.fill('#f-create', 'Ekonomi');
		await submit(page, page.getByRole('button', { name: 'Skapa tema', exact: true }));
		const summary = page.locator('details.theme-edit summary', { hasText: 'Ändra Ekonomi' });
		await summary.focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		const renameField = page.locator('details.theme-edit[open] input[name=label]');
		expect(await renameField.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Ekonomi och budget');
		await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
		expect(await page.locator('details.theme-edit summary').allTextContents()).toContain(
			'Ändra Ekonomi och budget (0 svar)'
		);

		const details = page.locator('details.theme-edit', { hasText: 'Ändra Ekonomi och budget' });
		await details.locator('summary').click();
		await details
			.locator('select[name=targetId]')
			.selectOption({ label: 'Ansträngd ekonomi och resursbrist' });
		await submit(page, details.getByRole('button', { name: 'Slå ihop' }));
		expect(await page.locator('details.theme-edit summary').allTextContents()).toEqual([
			'Ändra Ansträngd ekonomi och resursbrist (3 svar)',
			'Ändra Förväntningar från medborgare och samhälle (0 svar)'
		]);
	});

	it('runs without console errors when JavaScript is on (no inline style or script refused by the CSP)', async () => {
		const context = await signedInContext(browser, app.url, users.analyst);
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(message.text());
		});
		page.on('pageerror', (error) => problems.push(error.message));
		await page.goto(`${app.url}${PAGE}`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('blockquote.answer-text').last().textContent()).toBe(hostile);
		expect(problems).toEqual([]);
		await context.close();
	});
});

describe('other roles', () => {
	it('lets a viewer read only the answers the analyst released, without any form to change them', async () => {
		// Free text is respondent-level: viewers get what the analyst released, like contacts.
		const page = await openAs(users.viewer);
		expect(await page.locator('blockquote.answer-text').count()).toBe(0);
		const text = (await page.textContent('main')) ?? '';
		for (const answer of answers) expect(text).not.toContain(answer);
		expect(text).toMatch(/Inga svar är frisläppta ännu|Urvalet visas utan siffror/);
		expect(await page.locator('main form').count()).toBe(0);
		await expectNoAxeViolations(page);
		const client = await signInOverHttp(app.url, users.viewer);
		const refused = await client.post(`${PAGE}?/create`, [['label', 'Smygtema']]);
		expect(refused.status).toBe(403);
	});

	it('shows organisation contacts no answer the analyst has not released, and lets them change nothing', async () => {
		const client = await signInOverHttp(app.url, users.contact);
		const page = await client.get(PAGE);
		expect(page.status).toBe(200);
		for (const text of answers.slice(0, 5)) expect(page.body).not.toContain(text);
		expect(page.body).not.toContain('onerror');
		expect((await client.post(`${PAGE}?/create`, [['label', 'Smygtema']])).status).toBe(403);
	});

	it('answers 404 for a question that is not free text and for an unknown wave', async () => {
		const client = await signInOverHttp(app.url, users.analyst);
		expect((await client.get('/admin/waves/teman/results/behov')).status).toBe(404);
		expect((await client.get('/admin/waves/finns-inte/results/drivkrafter')).status).toBe(404);
	});
});

describe('chart SVG in Chromium', () => {
	it('parses as well-formed SVG with hostile labels as text, for every kind of chart', async () => {
		const label = `<script>alert(1)</script> & ${hostile}`;
		const svgs = [
			pieChart({ lang: 'sv', slices: [{ label, count: 1 }], n: 1 }),
			barChart({ lang: 'sv', measure: 'count', n: 1, bars: [{ label, count: 1 }] }),
			groupedBarChart({ lang: 'sv', categories: [label], groups: [{ name: label, counts: [1], n: 1 }] }),
			radarChart({ lang: 'sv', dimensions: [label, 'B', 'C'], series: [{ name: label, values: [1, 2, 3] }] }),
			scatterChart({ lang: 'sv', xLabel: label, yLabel: 'y', points: [{ label, x: 1, y: 2 }] })
		].map((c) => c.svg);
		const page = await (await browser.newContext()).newPage();
		const results = await page.evaluate((list) => {
			return list.map((svg) => {
				const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
				return {
					error: doc.getElementsByTagName('parsererror').length,
					root: doc.documentElement.localName,
					scripts: doc.getElementsByTagName('script').length + doc.getElementsByTagName('img').length,
					title: doc.querySelector('title')?.textContent ?? ''
				};
			});
		}, svgs);
		for (const result of results) {
			expect(result).toMatchObject({ error: 0, root: 'svg', scripts: 0 });
			expect(result.title).toContain(label);
		}
	});
});
