import { eq } from 'drizzle-orm';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TWaveMaturity } from '../../src/lib/core/maturity/wave-maturity.ts';
import { responseHeadline } from '../../src/lib/core/results/response-headline.ts';
import type { TWaveChange } from '../../src/lib/core/results/wave-change-schema.ts';
import type { TWaveResults } from '../../src/lib/core/results/wave-results-schema.ts';
import { formatPercentInterval, formatSignedPoints } from '../../src/lib/core/statistics/format-interval.ts';
import { formatMean, formatNumber, formatPercent } from '../../src/lib/core/statistics/format-number.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { organisations } from '../../src/lib/server/db/schema.ts';
import { computeMaturity } from '../../src/lib/server/results/compute-maturity.ts';
import { getWaveChange } from '../../src/lib/server/results/get-wave-change.ts';
import { getWaveResults } from '../../src/lib/server/results/get-wave-results.ts';
import { createTheme } from '../../src/lib/server/themes/create-theme.ts';
import { tagAnswer } from '../../src/lib/server/themes/tag-answer.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';
import { type SeededUser, seedUser, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { completeAnswers, respond } from '../support/results-dataset.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';
import { connectBrowser, expectNoAxeViolations } from './browser.ts';
import { type SignedInPages, signedInPages } from './signed-in-pages.ts';

// A hand-computed wave (k = 5): 10 complete responses, vision 7 ja, 2 nej, 1 vet ej.
//   Luleå (2580) 5 — one of them in a department with a hostile name —, vision 4 ja, 1 nej;
//   Piteå (2581) 3: ja, nej, vet ej; Kiruna (2584) 2: ja, ja.
// 7 of 10 is 70 % with the Wilson interval 39,7–89,2 % (z = 1,96: centre 0,6445, half-width 0,2477).
// Luleå alone: 4 of 5 = 80 %. The earlier wave "forra": 10 responses in Luleå, vision 1 ja, 9 nej,
// so vision ja rose by 60 percentage points, a change (Newcombe's interval excludes 0).
const NBSP = '\u00a0';
const Q = 'digital-mognad-i-kommuner';
const HOSTILE_UNIT = '<script>alert("unit")</script> & Förvaltning';
const HOSTILE_THEME = '<img src=x onerror=alert(1)> "tema"';
const HOSTILE_ANSWER = '<b>fet</b> <script>alert(2)</script>';
// Luleå has 5 (one in its department), Piteå 3 and Kiruna 2: hidden together, Piteå and Kiruna are 5,
// so Luleå can show its figures without the wave less Luleå giving them away.
const visionOf: Array<[string, string]> = [
	['2580', 'ja'],
	['2580', 'ja'],
	['2580', 'ja'],
	['2584', 'ja'],
	['2580-x', 'ja'],
	['2580', 'nej'],
	['2581', 'ja'],
	['2581', 'nej'],
	['2581', 'vet_ej'],
	['2584', 'ja']
];

let backend: TestBackend;
let hostileResponse = '';
let server: AppServer;
let browser: Browser;
let pages: SignedInPages;
const users: Record<string, SeededUser> = {};
let engine: {
	all: TWaveResults;
	byOrganisation: TWaveResults;
	lulea: TWaveResults;
	change: TWaveChange;
	maturity: TWaveMaturity | null;
};

beforeAll(async () => {
	backend = await createTestBackend('results_pages');
	const target = { dataDir: backend.dataDir, url: backend.url };
	users.admin = await seedUser({ ...target, role: 'admin' });
	users.contact = await seedUser({ ...target, role: 'contact', organisationCode: '2580' });
	users.kiruna = await seedUser({
		...target,
		role: 'contact',
		organisationCode: '2584',
		email: 'kiruna@example.org'
	});
	const database = await openDatabase(target);
	try {
		const db = database.db;
		const [lulea] = await db.select().from(organisations).where(eq(organisations.code, '2580'));
		await db
			.insert(organisations)
			.values({ parentId: lulea?.id, code: '2580-x', name: HOSTILE_UNIT, kind: 'department' });
		await createWave(db, { questionnaireCode: Q, name: 'Våren 2020', slug: 'forra' });
		await createWave(db, { questionnaireCode: Q, name: 'Våren 2024', slug: 'resultat' });
		await createWave(db, { questionnaireCode: Q, name: 'Tom', slug: 'tom' });
		for (const slug of ['forra', 'resultat', 'tom']) await setWaveStatus(db, slug, 'open');
		for (let i = 0; i < 10; i++) {
			const vision = { kind: 'single', option: i === 0 ? 'ja' : 'nej' } as const;
			await respond(db, 'forra', '2580', completeAnswers({ vision }));
		}
		const ids: string[] = [];
		for (const [i, [unit, option]] of visionOf.entries()) {
			const given = completeAnswers({
				vision: { kind: 'single', option },
				behov: { kind: 'scale', value: i + 1 },
				...(i === 0 ? { stod: { kind: 'text', value: HOSTILE_ANSWER } } : {})
			});
			ids.push(await respond(db, 'resultat', unit, given));
		}
		hostileResponse = ids[0] ?? '';
		const theme = await createTheme(db, { waveSlug: 'resultat', questionCode: 'stod', label: HOSTILE_THEME });
		await tagAnswer(db, {
			waveSlug: 'resultat',
			questionCode: 'stod',
			responseId: ids[0] ?? '',
			themeId: theme.id
		});
		engine = {
			all: await getWaveResults(db, { slug: 'resultat' }),
			byOrganisation: await getWaveResults(db, { slug: 'resultat', by: 'organisation' }),
			lulea: await getWaveResults(db, { slug: 'resultat', organisation: '2580' }),
			change: await getWaveChange(db, { slug: 'resultat', previous: 'forra' }),
			maturity: await computeMaturity(db, { slug: 'resultat' })
		};
	} finally {
		await database.close();
	}
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	browser = await connectBrowser();
	pages = signedInPages(browser, server.url);
});
afterEach(() => pages?.release());
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await backend?.cleanup();
});

/** Opens a page signed in as `user`, with JavaScript on or off; returns it with the document's status. */
const open = (user: SeededUser, path: string, options: BrowserContextOptions = {}) =>
	pages.open(user, path, options);

/** The cells of the table row headed `label` in the section of question `code`. */
async function row(page: Page, code: string, label: string, table = 0): Promise<string[]> {
	const section = page.locator(`section:has(> h2#q-${code})`);
	const found = section
		.locator('table')
		.nth(table)
		.locator('tr')
		.filter({ has: page.getByText(label, { exact: true }) });
	return (await found.first().locator('td').allTextContents()).map((c) => c.trim());
}

const question = (results: TWaveResults, code: string) => {
	const found = results.questions.find((q) => q.code === code);
	if (!found) throw new Error(`no question ${code}`);
	return found;
};

describe('the results page', () => {
	it("shows the engine's figures for the hand-computed wave, with JavaScript off", async () => {
		const { page, status } = await open(users.admin as SeededUser, '/admin/waves/resultat/results', {
			javaScriptEnabled: false
		});
		expect(status).toBe(200);
		// The hand-computed values, and the same as the engine's.
		const vision = question(engine.all, 'vision');
		const ja = vision.options.find((o) => o.code === 'ja');
		expect(ja).toMatchObject({ count: 7, percent: 70, ci95: [39.7, 89.2] });
		expect(await row(page, 'vision', 'Ja')).toEqual(['7', `70${NBSP}%`, `39,7–89,2${NBSP}%`]);
		expect(await row(page, 'vision', 'Ja')).toEqual([
			String(ja?.count),
			formatPercent(ja?.percent ?? 0, 'sv'),
			formatPercentInterval(ja?.ci95 ?? null, 'sv')
		]);
		expect(await row(page, 'vision', 'Nej')).toEqual(['2', `20${NBSP}%`, `5,7–51${NBSP}%`]);
		expect(await row(page, 'vision', 'Vet ej')).toEqual(['1', `10${NBSP}%`, `1,8–40,4${NBSP}%`]);
		const main = page.locator('main');
		expect(await main.textContent()).toContain('10 fullständiga svar, 0 påbörjade');
		const headline = responseHeadline({ organisations: engine.all.organisations, respondents: 10 }, 'sv');
		expect(headline).toBe('Svar inkom från 3 av 3 kommuner, 10 respondenter');
		expect(await page.locator('.headline-sentence').textContent()).toBe(headline);
		// Ja / Nej / Vet ej as a pie with its text alternative; the scale as bars with mean, median, SD.
		const pie = page.locator('section:has(> h2#q-vision) svg[role="img"]');
		expect(await pie.getAttribute('aria-label')).toMatch(/^Cirkeldiagram: Ja 70\u00a0% \(7\)/);
		const behov = question(engine.all, 'behov');
		expect(behov).toMatchObject({ n: 10, mean: 5.5, median: 5.5 });
		const figures = await page.locator('section:has(> h2#q-behov) dl').textContent();
		expect(figures).toContain(`Medelvärde${formatMean(5.5, 'sv')}`);
		expect(figures).toContain(`Standardavvikelse${formatMean(behov.sd, 'sv')}`);
		expect(
			await page.locator('section:has(> h2#q-behov) svg[role="img"]').getAttribute('aria-label')
		).toMatch(/^Stapeldiagram/);
		// Free text: the number of answers, the theme counts and the way to the answers.
		const stod = page.locator('section:has(> h2#q-stod)');
		expect(await stod.textContent()).toContain('1 fritextsvar');
		expect(await stod.locator('a[href="/admin/waves/resultat/results/stod"]').count()).toBe(1);
		expect(await page.textContent('body')).not.toMatch(/NaN|undefined|Infinity/);
		await expectNoAxeViolations(page);
	});

	it('shows hostile labels of units and themes as text', async () => {
		const { page } = await open(users.admin as SeededUser, '/admin/waves/resultat/results');
		expect(await page.locator('#f-organisation option', { hasText: 'Förvaltning' }).textContent()).toContain(
			HOSTILE_UNIT
		);
		expect(await row(page, 'stod', HOSTILE_THEME)).toEqual(['1']);
		expect(await page.locator('main img, main b, main script').count()).toBe(0);
		expect(await page.content()).not.toContain('<img src=x');
		await expectNoAxeViolations(page);
	});

	it('breaks down by municipality and hides the groups below k', async () => {
		const { page } = await open(users.admin as SeededUser, '/admin/waves/resultat/results?by=organisation', {
			javaScriptEnabled: false
		});
		const groups = engine.byOrganisation.breakdown ?? [];
		expect(groups.map((g) => [g.label, g.n, g.suppressed])).toEqual([
			['Kiruna', null, true],
			['Luleå', 5, false],
			['Piteå', null, true]
		]);
		// Luleå: n 5, vision Ja 4 of 5, Nej 1, Vet ej 0.
		expect(await row(page, 'vision', 'Luleå', 1)).toEqual(['5', `80${NBSP}%`, `20${NBSP}%`, `0${NBSP}%`]);
		expect(await row(page, 'vision', 'Piteå', 1)).toEqual(['färre än 5 svar']);
		expect(await row(page, 'vision', 'Kiruna', 1)).toEqual(['färre än 5 svar']);
		await expectNoAxeViolations(page);
	});

	it('says "Inga svar ännu" for a wave without responses, never NaN', async () => {
		const { page } = await open(users.admin as SeededUser, '/admin/waves/tom/results', {
			javaScriptEnabled: false
		});
		const text = (await page.textContent('main')) ?? '';
		expect(text).toContain('Inga svar ännu');
		expect(text).toContain('Svar inkom från 0 av 0 kommuner, 0 respondenter');
		expect(text).not.toMatch(/NaN|undefined|Infinity/);
		await expectNoAxeViolations(page);
	});
});

describe("an organisation contact's view", () => {
	it('shows their own unit only, with no free text and no way to the answers', async () => {
		const { page, status } = await open(users.contact as SeededUser, '/admin/waves/resultat/results', {
			javaScriptEnabled: false
		});
		expect(status).toBe(200);
		const ja = question(engine.lulea, 'vision').options.find((o) => o.code === 'ja');
		expect(ja).toMatchObject({ count: 4, percent: 80 });
		expect(await row(page, 'vision', 'Ja')).toEqual([
			'4',
			`80${NBSP}%`,
			formatPercentInterval(ja?.ci95 ?? null, 'sv')
		]);
		expect(await page.locator('.headline-sentence').textContent()).toBe(
			'Svar inkom från 1 av 1 kommun, 5 respondenter'
		);
		// Their own unit, with no other unit or role group to choose.
		expect(await page.locator('.results-filters').textContent()).toContain('Organisation: Luleå');
		expect(await page.locator('#f-organisation, #f-role').count()).toBe(0);
		// The link leads to the answers the analyst released, not to the answers themselves.
		expect(await page.locator('a[href*="/results/stod"]').textContent()).toContain('frisläppta svaren');
		const stod = (await page.locator('section:has(> h2#q-stod)').textContent()) ?? '';
		expect(stod).toContain('1 fritextsvar');
		expect(stod).not.toContain('tema');
		await expectNoAxeViolations(page);
	});

	it('hides the figures of their own unit below k, and the breakdown groups below k', async () => {
		const kiruna = await open(users.kiruna as SeededUser, '/admin/waves/resultat/results', {
			javaScriptEnabled: false
		});
		const text = (await kiruna.page.textContent('main')) ?? '';
		expect(text).toContain('Urvalet visas utan siffror: det har färre än 5 fullständiga svar');
		expect(text).not.toContain('Svar inkom');
		expect(await kiruna.page.locator('section.question').count()).toBe(0);
		await expectNoAxeViolations(kiruna.page);

		const lulea = await open(users.contact as SeededUser, '/admin/waves/resultat/results?by=department', {
			javaScriptEnabled: false
		});
		// Luleå itself has 4, the department 1: both are hidden.
		expect(await row(lulea.page, 'vision', 'Luleå', 1)).toEqual(['färre än 5 svar']);
		expect(await row(lulea.page, 'vision', HOSTILE_UNIT, 1)).toEqual(['färre än 5 svar']);
	});

	it('gets 403 when asking for another organisation or a role group by URL', async () => {
		const client = await signInOverHttp(server.url, users.contact as SeededUser);
		for (const path of [
			'/admin/waves/resultat/results?organisation=2584',
			'/admin/waves/resultat/results?role=it',
			// A unit below their own would give a subtotal beside the whole: a breakdown is the way inside.
			'/admin/waves/resultat/results?organisation=2580-x',
			'/admin/waves/resultat/maturity?organisation=2584',
			'/admin/waves/resultat/change?previous=forra&organisation=2581',
			'/admin/waves/resultat/results/stod?organisation=2581'
		]) {
			const res = await client.get(path);
			expect(res.status, path).toBe(403);
			expect(res.body).not.toContain('Kiruna</th>');
		}
		expect((await client.get('/admin/waves/resultat/results?organisation=2580')).status).toBe(200);
	});
});

describe("a contact's view of free-text answers", () => {
	it('shows only the answers the analyst released, escaped, and passes axe-core', async () => {
		const before = await open(users.contact as SeededUser, '/admin/waves/resultat/results/stod', {
			javaScriptEnabled: false
		});
		expect(before.status).toBe(200);
		expect((await before.page.textContent('main')) ?? '').toContain('Inga svar är frisläppta ännu.');
		expect(await before.page.content()).not.toContain('fet</b>');
		await expectNoAxeViolations(before.page);

		// The analyst releases the answer on the same page.
		const analyst = await signInOverHttp(server.url, users.admin as SeededUser);
		const marked = await analyst.post('/admin/waves/resultat/results/stod?/marks', [
			['responseId', hostileResponse],
			['released', '1']
		]);
		expect(marked.status).toBe(303);
		const after = await open(users.contact as SeededUser, '/admin/waves/resultat/results/stod', {
			javaScriptEnabled: false
		});
		expect(await after.page.locator('blockquote.answer-text').allTextContents()).toEqual([HOSTILE_ANSWER]);
		expect(await after.page.locator('main b, main script').count()).toBe(0);
		await expectNoAxeViolations(after.page);
	});
});

describe('the maturity page', () => {
	it('shows each municipality with enough respondents, the radar against the region and the placement', async () => {
		const maturity = engine.maturity;
		if (!maturity) throw new Error('the template measures maturity');
		const lulea = maturity.organisations.find((o) => o.code === '2580');
		expect(lulea).toMatchObject({ respondents: 5, hidden: false });
		for (const javaScriptEnabled of [false, true]) {
			const { page, status } = await open(users.admin as SeededUser, '/admin/waves/resultat/maturity', {
				javaScriptEnabled
			});
			expect(status).toBe(200);
			const cells = async (name: string) =>
				(
					await page
						.locator('section:has(> h2#organisations-heading) tr', {
							has: page.locator(`th:text-is("${name}")`)
						})
						.locator('td')
						.allTextContents()
				).map((c) => c.trim());
			expect(await cells('Luleå')).toEqual([
				'5',
				formatNumber(lulea?.profile?.index ?? 0, 'sv', 1),
				expect.any(String),
				expect.any(String)
			]);
			expect(await cells('Piteå')).toEqual(['färre än 5 svar']);
			expect(await cells('Kiruna')).toEqual(['färre än 5 svar']);
			expect(await page.locator('section:has(> h2#radar-heading) svg[role="img"]').count()).toBe(1);
			expect(await page.locator('section:has(> h2#scatter-heading) svg[role="img"]').count()).toBe(1);
			expect(await page.textContent('main')).not.toMatch(/NaN|undefined|Infinity/);
			await expectNoAxeViolations(page);
		}
	});

	it("shows a contact their own unit's index against the region", async () => {
		const { page, status } = await open(users.contact as SeededUser, '/admin/waves/resultat/maturity', {
			javaScriptEnabled: false
		});
		expect(status).toBe(200);
		const names = await page.locator('section:has(> h2#organisations-heading) tbody th').allTextContents();
		expect(names).toEqual(['Luleå']);
		expect(await page.locator('section:has(> h2#radar-heading) svg[role="img"]').count()).toBe(1);
		await expectNoAxeViolations(page);
	});
});

describe('the change page', () => {
	it('shows the difference in percentage points with its Newcombe interval, flagged as a change', async () => {
		const vision = engine.change.questions.find((q) => q.code === 'vision');
		const ja = vision?.options.find((o) => o.code === 'ja');
		expect(ja).toMatchObject({ difference: 60, changed: true });
		const interval = ja?.ci95 ?? [0, 0];
		expect(interval[0]).toBeGreaterThan(0);
		for (const javaScriptEnabled of [false, true]) {
			const { page, status } = await open(
				users.admin as SeededUser,
				'/admin/waves/resultat/change?previous=forra',
				{
					javaScriptEnabled
				}
			);
			expect(status).toBe(200);
			// The first table is the chart's data, the second the differences.
			expect(await row(page, 'vision', 'Ja', 1)).toEqual([
				`10${NBSP}% (1)`,
				`70${NBSP}% (7)`,
				'+60',
				`${formatSignedPoints(interval[0], 'sv')} till ${formatSignedPoints(interval[1], 'sv')}`,
				'förändring'
			]);
			// Nej fell from 90 % to 20 %; Vet ej (0 → 10 %) is not a change: its interval includes 0.
			expect((await row(page, 'vision', 'Vet ej', 1))[4]).toBe('ingen säker förändring');
			expect(
				await page.locator('section:has(> h2#q-vision) svg[role="img"]').getAttribute('aria-label')
			).toMatch(/^Grupperat stapeldiagram/);
			await expectNoAxeViolations(page);
		}
	});

	it('lists only waves of the same questionnaire to compare with', async () => {
		const { page } = await open(users.admin as SeededUser, '/admin/waves/resultat/change', {
			javaScriptEnabled: false
		});
		const options = await page
			.locator('#f-previous option')
			.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
		expect(options.sort()).toEqual(['forra', 'tom']);
	});
});
