import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../../src/lib/core/questionnaire/parse-questionnaire.ts';
import { builtInQuestionnairesFolder } from '../../src/lib/server/setup/load-built-ins.ts';
import { type SeededUser, signedInContext } from '../support/admin-client.ts';
import { type E2eApp, seedSharedUsers, startE2eApp } from './app.ts';
import { downloadedBytes, expectNoAxeViolations } from './browser.ts';

// Sharing a questionnaire from the admin pages: keyboard only, without JavaScript, axe on every state.
const Q = 'digital-mognad-i-kommuner';
let app: E2eApp;
let browser: Browser;
let analyst: SeededUser;

beforeAll(async () => {
	app = await startE2eApp([]);
	browser = app.browser;
	({ analyst } = await seedSharedUsers('enkater', ['analyst']));
});
afterAll(async () => {
	await app?.close();
});

/**
 * The questionnaire table's rows of the built-in questionnaire and of those this file publishes or tries
 * to (the shared server's other files may publish their own).
 */
const tableRows = async (page: Page) =>
	(
		await page
			.locator('table.data tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
			)
	).filter(([code]) => [Q, 'delad-mall', 'trasig'].includes(code ?? ''));

/** Chooses a file and presses the publish button from the keyboard, waiting for the answer page. */
async function upload(page: Page, name: string, body: Buffer) {
	await page.setInputFiles('#f-file', { name, mimeType: 'application/json', buffer: body });
	await page.getByRole('button', { name: 'Publicera' }).focus();
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** Opens every closed section around a field, from the outside in, as a keyboard user does. */
async function reveal(page: Page, id: string) {
	const closed = page.locator(`details:not([open]):has([id="${id}"])`);
	while ((await closed.count()) > 0) {
		await closed.first().locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
	}
}

/**
 * Fills a designer form's fields by id (a radio or checkbox given as true, pressed with Space; a select
 * set to the value) and sends it with its first button from the keyboard; the form must be accepted.
 */
async function sendForm(page: Page, fields: Array<[string, string | true]>) {
	const [first] = fields[0] ?? [''];
	await reveal(page, first);
	for (const [id, value] of fields) {
		const field = page.locator(`[id="${id}"]`);
		if (value === true) {
			await field.focus();
			await page.keyboard.press('Space');
		} else if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	await page.locator(`form:has([id="${first}"])`).locator('button[type=submit]').first().focus();
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
	expect(await page.locator('.error-summary').allTextContents()).toEqual([]);
}

describe('the questionnaires page', () => {
	it('lists, downloads and publishes questionnaires, and refuses a broken file naming every error', async () => {
		const context = await signedInContext(browser, app.url, analyst, {
			javaScriptEnabled: false,
			acceptDownloads: true
		});
		const page = await context.newPage();
		await page.goto(`${app.url}/admin`);
		await page.getByRole('link', { name: 'Enkäter', exact: true }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(page.url()).toBe(`${app.url}/admin/questionnaires`);
		expect(await page.locator('h1').textContent()).toBe('Enkäter');
		const [builtIn, , first] = await tableRows(page);
		expect(builtIn?.slice(0, 4)).toEqual([Q, 'Digital mognad i kommuner', '3', '20']);
		expect(first?.slice(0, 4)).toEqual([Q, 'Digital mognad i kommuner', '1', '20']);
		expect(builtIn?.[4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await expectNoAxeViolations(page);

		// Download version 3 by keyboard: the file is the built-in definition (with its defaults filled in).
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: `Ladda ner ${Q} version 3 (JSON)` }).focus();
		await page.keyboard.press('Enter');
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`${Q}-v3.json`);
		const definition = JSON.parse((await downloadedBytes(download)).toString('utf8'));
		const original = JSON.parse(await readFile(`${builtInQuestionnairesFolder()}/${Q}.json`, 'utf8'));
		const parsed = parseQuestionnaire(original);
		expect(parsed.ok && parsed.questionnaire).toEqual(definition);
		expect(definition.title).toEqual(original.title);
		expect(definition.sections.map((s: { code: string }) => s.code)).toEqual(
			original.sections.map((s: { code: string }) => s.code)
		);

		// A version or a questionnaire that is not published is not found.
		for (const missing of [`${Q}/4.json`, 'ingen/1.json', `${Q}/ett.json`]) {
			const response = await context.request.get(`${app.url}/admin/questionnaires/${missing}`);
			expect(response.status()).toBe(404);
		}

		// A region changes the copy (a new code and name) and publishes it.
		const shared = { ...definition, code: 'delad-mall', title: { sv: 'Delad mall <b>', en: 'Shared' } };
		await upload(page, 'delad-mall.json', Buffer.from(JSON.stringify(shared)));
		expect(await page.locator('[role=status]').textContent()).toContain('Publicerade delad-mall version 3.');
		expect((await tableRows(page)).map((r) => r.slice(0, 4))).toEqual([
			['delad-mall', 'Delad mall <b>', '3', '20'],
			[Q, 'Digital mognad i kommuner', '3', '20'],
			[Q, 'Digital mognad i kommuner', '2', '20'],
			[Q, 'Digital mognad i kommuner', '1', '20']
		]);
		await expectNoAxeViolations(page);

		// The same file again changes nothing.
		await upload(page, 'delad-mall.json', Buffer.from(JSON.stringify(shared)));
		expect(await page.locator('[role=status]').textContent()).toContain(
			'delad-mall version 3 var redan publicerad med samma innehåll. Ingenting ändrades.'
		);

		// A broken definition: every error in Swedish, naming its field, and nothing stored.
		const broken = { ...definition, code: 'trasig', version: 0, title: { en: 'Broken' } };
		await upload(page, 'trasig.json', Buffer.from(JSON.stringify(broken)));
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Enkäten har 2 fel och publicerades inte. Rätta felen nedan och ladda upp filen igen.',
			'Fältet ”version”: får inte vara mindre än 1',
			'Fältet ”title.sv”: saknas'
		]);
		await expectNoAxeViolations(page);
		// The summary's first line leads to the file field.
		await page.getByRole('link', { name: /^Enkäten har 2 fel/ }).click();
		expect(await page.evaluate(() => location.hash)).toBe('#f-file');

		// Not JSON, not UTF-8, too large, and no file at all.
		await upload(page, 'inte.json', Buffer.from('{"code": '));
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			expect.stringMatching(/^Filen är inte giltig JSON: /)
		]);
		await upload(page, 'latin1.json', Buffer.from([0x7b, 0x22, 0xe5, 0x22, 0x7d]));
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Filen är inte text i UTF-8.'
		]);
		// One byte over the limit of 1 MB, and a file over the server's limit for a whole form.
		for (const size of [1000 * 1000 + 1, 2 * 1024 * 1024]) {
			await upload(page, 'stor.json', Buffer.alloc(size, 0x20));
			expect(await page.locator('.error-summary li').allTextContents()).toEqual(['Filen är större än 1 MB.']);
		}
		await page.getByRole('button', { name: 'Publicera' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Välj en enkätfil att ladda upp.'
		]);
		// Nothing of the refused files was published.
		await page.goto(`${app.url}/admin/questionnaires`);
		expect((await tableRows(page)).map((r) => `${r[0]} v${r[2]}`)).toEqual([
			'delad-mall v3',
			`${Q} v3`,
			`${Q} v2`,
			`${Q} v1`
		]);
		await context.close();
	});

	it('compares two versions from the list without JavaScript (the built-in ones share every question), and says when there is nothing to compare', async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.getByRole('link', { name: 'Jämför version 2 med version 1' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${Q}/compare`);
		expect(await page.locator('h1').textContent()).toBe('Jämför versioner: Digital mognad i kommuner');
		expect((await page.locator('.headline').textContent())?.trim()).toBe(
			'Version 1 och version 2: 20 frågor kan jämföras, 0 är nya, 0 är borttagna och 0 har ändrad betydelse.'
		);
		const comparable = page.locator('table', {
			has: page.locator('caption', { hasText: 'Frågor som kan jämföras' })
		});
		expect(await comparable.locator('tbody tr').count()).toBe(20);
		expect(await comparable.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
			'organisation',
			'Vilken organisation arbetar du i?',
			'Oförändrad'
		]);
		await expectNoAxeViolations(page);

		// The same version twice: nothing to compare, and the page says so.
		await page.selectOption('#f-from', '2');
		await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Jämför' }).click()]);
		expect(new URL(page.url()).search).toBe('?from=2&to=2');
		expect(await page.locator('.next-step').textContent()).toBe(
			'Välj två olika versioner för att se vad som skiljer dem åt.'
		);
		await expectNoAxeViolations(page);
		for (const missing of ['?from=9', '?to=ett', '']) {
			const target = missing ? `${Q}/compare${missing}` : 'ingen/compare';
			const response = await context.request.get(`${app.url}/admin/questionnaires/${target}`);
			expect(response.status(), target).toBe(404);
		}
		await context.close();
	});

	it('writes the next version of a questionnaire by keyboard alone without JavaScript: a reworded question in two languages, one added and one removed, published with its codes kept', async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		// A questionnaire of this file's own, so that the built-in one stays as the other files expect.
		const original = JSON.parse(await readFile(`${builtInQuestionnairesFolder()}/${Q}.json`, 'utf8'));
		await page.goto(`${app.url}/admin/questionnaires`);
		await upload(
			page,
			'designer.json',
			Buffer.from(JSON.stringify({ ...original, code: 'designer', version: 2 }))
		);
		expect(await page.locator('[role=status]').textContent()).toContain('Publicerade designer version 2.');

		const press = async (name: string | RegExp, role: 'link' | 'button' = 'button') => {
			await page.getByRole(role, { name }).focus();
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		};
		await press('Skriv version 3 av designer', 'link');
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/designer/draft');
		await expectNoAxeViolations(page);
		await press('Skapa ett utkast till version 3');
		expect(await page.locator('h1').textContent()).toBe('Nästa version: Digital mognad i kommuner');

		// Open the question, empty its Swedish text: the message names the field; then reword it.
		const vision = page.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Fråga vision:' })
		});
		await vision.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await vision.getByLabel('Frågetext på svenska').fill('');
		await vision.getByRole('button', { name: 'Spara' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Skriv en text på svenska, högst 2 000 tecken.'
		]);
		await expectNoAxeViolations(page);
		const reopened = page.locator('details[open]', {
			has: page.locator(':scope > summary', { hasText: 'Fråga vision:' })
		});
		await reopened
			.getByLabel('Frågetext på svenska')
			.fill('Har kommunen en beslutad vision för digitaliseringen?');
		await reopened
			.getByLabel('Frågetext på engelska')
			.fill('Has the municipality decided on a vision for digitalisation?');
		await reopened.getByLabel('Svarsalternativ vet_ej på svenska').fill('Vet inte');
		await reopened.getByRole('button', { name: 'Spara' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).search).toBe('?saved');
		expect(await page.locator('[role=status]').textContent()).toContain('Ändringen är sparad i utkastet.');
		expect(
			await page.locator('li', { has: page.locator('code', { hasText: /^vision$/ }) }).textContent()
		).toBe('vision: ny formulering, nya etiketter');

		// Add a Ja/Nej/Vet ej question on the last page, and remove a follow-up: new and dropped.
		const add = page
			.locator('details', {
				has: page.locator(':scope > summary', { hasText: 'Lägg till en fråga på sidan' })
			})
			.last();
		await add.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await add.getByLabel('Ja, Nej, Vet ej').focus();
		await page.keyboard.press('Space');
		await add.getByLabel('Frågetext på svenska').fill('Använder kommunen AI i sina tjänster?');
		await add.getByRole('button', { name: 'Lägg till frågan' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('[role=status]').textContent()).toContain('Ändringen är sparad i utkastet.');
		expect(await page.locator('summary', { hasText: 'Fråga anvander_kommunen_ai_i_sina:' }).count()).toBe(1);
		// Moved a step up, above the page's first question.
		const ai = page.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Fråga anvander_kommunen_ai_i_sina:' })
		});
		await ai.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await ai.getByRole('button', { name: 'Flytta upp anvander_kommunen_ai_i_sina' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const summaries = (await page.locator('summary').allTextContents())
			.map((t) => t.split(':')[0] ?? '')
			.filter((t) => t.startsWith('Fråga '));
		expect(summaries.indexOf('Fråga anvander_kommunen_ai_i_sina')).toBe(summaries.indexOf('Fråga stod') - 1);
		// Shown only when the vision question is answered Nej: chosen in two steps, by keyboard.
		const aiMoved = page.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Fråga anvander_kommunen_ai_i_sina:' })
		});
		await aiMoved.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await press('Ändra när frågan anvander_kommunen_ai_i_sina visas', 'link');
		expect(await page.locator('h1').textContent()).toBe('Villkor för frågan anvander_kommunen_ai_i_sina');
		await expectNoAxeViolations(page);
		await page.getByLabel(/^vision: /).focus();
		await page.keyboard.press('Space');
		await press('Välj frågan');
		expect(new URL(page.url()).search).toBe('?when=vision');
		await press('Spara villkoret');
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Välj minst ett svar som visar frågan.'
		]);
		await expectNoAxeViolations(page);
		await page.getByLabel('Nej', { exact: true }).focus();
		await page.keyboard.press('Space');
		await press('Spara villkoret');
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/designer/draft');
		expect(await page.locator('#q-anvander_kommunen_ai_i_sina').textContent()).toContain(
			'Visas när vision är Nej.'
		);
		// Its text has no English yet, and the translation list says where.
		const untranslated = page.locator('table', {
			has: page.locator('caption', { hasText: 'Texter utan engelska' })
		});
		expect(await untranslated.locator('tbody tr').allInnerTexts()).toEqual([
			'Sida stod, Fråga anvander_kommunen_ai_i_sina, frågetext\tAnvänder kommunen AI i sina tjänster?'
		]);
		const atgarder = page.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Fråga kultur_atgarder:' })
		});
		await atgarder.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await atgarder.getByRole('button', { name: 'Ta bort frågan kultur_atgarder' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('summary', { hasText: 'Fråga kultur_atgarder:' }).count()).toBe(0);

		await press('Publicera version 3');
		expect(await page.locator('[role=status]').textContent()).toContain('Publicerade designer version 3.');
		const published = await context.request.get(`${app.url}/admin/questionnaires/designer/3.json`);
		const definition = await published.json();
		const vision3 = definition.sections
			.flatMap((s: { questions: unknown[] }) => s.questions)
			.find((q: { code: string }) => q.code === 'vision');
		expect(vision3.options.find((o: { code: string }) => o.code === 'vet_ej').label).toEqual({
			sv: 'Vet inte',
			en: "Don't know"
		});
		expect(vision3.text).toEqual({
			sv: 'Har kommunen en beslutad vision för digitaliseringen?',
			en: 'Has the municipality decided on a vision for digitalisation?'
		});
		const compared = await context.request.get(`${app.url}/admin/questionnaires/designer/compare`);
		expect(await compared.text()).toContain(
			'Version 2 och version 3: 19 frågor kan jämföras, 1 är nya, 1 är borttagna och 0 har ändrad betydelse.'
		);
		await context.close();
	});

	it('starts a new questionnaire from the template by keyboard without JavaScript, refusing a taken code, adds and removes a page, and publishes it as version 1', async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${app.url}/admin/questionnaires`);
		const create = async (code: string, name: string) => {
			await page.fill('#f-new-code', code);
			await page.fill('#f-new-name', name);
			await page.getByRole('button', { name: 'Skapa utkastet' }).focus();
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		};
		await create(Q, 'Kopia');
		expect(await page.locator('.error-summary li').allTextContents()).toEqual([
			'Koden används redan av en enkät eller ett utkast.'
		]);
		expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#f-new-code');
		expect(await page.locator('#f-new-name').inputValue()).toBe('Kopia');
		await expectNoAxeViolations(page);
		await create('medborgarenkat', 'Medborgarenkät 2027');
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/medborgarenkat/draft');
		expect(await page.locator('h1').textContent()).toBe('Ny enkät: Medborgarenkät 2027');
		expect(await page.locator('main').textContent()).toContain(
			'Utkast till version 1 av den nya enkäten medborgarenkat'
		);
		await expectNoAxeViolations(page);
		// A page of its own at the end, with a free-text question; the first page (background) removed.
		const newPage = page.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Lägg till en sida' })
		});
		await newPage.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await newPage.getByLabel('Sidans rubrik på svenska').fill('Medborgarnas röst');
		await newPage.getByLabel('Fritext').focus();
		await page.keyboard.press('Space');
		await newPage.getByLabel('Frågetext på svenska').fill('Vad vill du säga till kommunen?');
		await newPage.getByRole('button', { name: 'Lägg till sidan med frågan' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('h2', { hasText: 'Medborgarnas röst' }).textContent()).toBe(
			'Sida 8: Medborgarnas röst'
		);
		await page.getByRole('button', { name: 'Ta bort sida 1 och dess frågor' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('h2', { hasText: 'Medborgarnas röst' }).textContent()).toBe(
			'Sida 7: Medborgarnas röst'
		);
		await page.goto(`${app.url}/admin/questionnaires`);
		expect(await page.getByRole('link', { name: 'Fortsätt med medborgarenkat (version 1)' }).count()).toBe(1);
		await page.getByRole('link', { name: 'Fortsätt med medborgarenkat (version 1)' }).click();
		await page.getByRole('button', { name: 'Publicera version 1' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('[role=status]').textContent()).toContain(
			'Publicerade medborgarenkat version 1.'
		);
		await context.close();
	});

	it('previews a draft as a respondent without JavaScript, in English, with its conditions and errors, storing nothing', async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		const press = async (name: string) => {
			await page.getByRole('button', { name, exact: true }).focus();
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		};
		const choose = async (id: string) => {
			await page.locator(`#${id}`).focus();
			await page.keyboard.press('Space');
		};
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'forhandsvisning');
		await page.fill('#f-new-name', 'Förhandsvisning');
		await press('Skapa utkastet');
		await page.getByRole('link', { name: 'Förhandsvisa som svarande' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/forhandsvisning/preview');
		expect(await page.locator('[role=note]').textContent()).toContain(
			'Förhandsvisning av utkastet till version 1 som en svarande ser det, med villkoren. Inget du svarar sparas.'
		);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'English' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		await page.getByRole('link', { name: 'Start' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

		// The first page a respondent behind a link sees, in English, its own words in English too.
		expect(await page.locator('h1').textContent()).toBe('The need for digitalisation');
		expect(await page.locator('#progress-text').textContent()).toBe('Page 1 of 6');
		expect(await page.getByRole('button', { name: 'Save and continue later' }).count()).toBe(0);
		await press('Next');
		expect(await page.locator('.error-summary h2').textContent()).toBe('There is a problem');
		expect(await page.locator('.error-summary li').count()).toBe(2);
		await expectNoAxeViolations(page);
		await choose('q-behov-8');
		await choose('q-ledning_delar');
		await press('Next');
		expect(await page.locator('h1').textContent()).toBe('Vision and citizen experience');
		await choose('q-vision');
		await choose('q-medborgarbild');
		// "What is missing?" follows a no, revealed under the question on the same page.
		const missing = page.getByLabel('What is missing?');
		expect(await missing.isVisible()).toBe(false);
		await choose('q-beslutskapacitet-nej');
		expect(await missing.isVisible()).toBe(true);
		await choose('q-beslutskapacitet');
		expect(await missing.isVisible()).toBe(false);
		await press('Next');
		expect(await page.locator('h1').textContent()).toBe('Earlier IT investments');
		await press('Previous');
		expect(await page.locator('#q-beslutskapacitet').isChecked()).toBe(true);
		await press('Next');
		await expectNoAxeViolations(page);

		// The review lists what was answered; there is nothing to send.
		const review = new URL(page.url());
		review.pathname = '/admin/questionnaires/forhandsvisning/preview/granska';
		await page.goto(review.toString());
		expect(await page.locator('h1').textContent()).toBe('Review your answers');
		const answered = await page.locator('dl.review').first().locator('dd').allTextContents();
		expect(answered).toEqual(['8 (1–10)', 'No answer', 'Yes']);
		expect(await page.locator('[role=note]').textContent()).toContain('Inget sparades.');
		expect(await page.getByRole('button', { name: 'Submit your answers' }).count()).toBe(0);
		await expectNoAxeViolations(page);

		// Nothing of it was stored: the draft's revision is as it was, and no wave has a response.
		await page.goto(`${app.url}/admin/questionnaires/forhandsvisning/draft`);
		expect(await page.locator('input[name=revision]').first().inputValue()).toBe('1');
		await context.close();
	});

	it('with JavaScript, moves questions and pages by dragging and shows a live preview of a question as it is edited', async () => {
		const context = await signedInContext(browser, app.url, analyst);
		const page = await context.newPage();
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'dra');
		await page.fill('#f-new-name', 'Dra och släpp');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Skapa utkastet' }).click()
		]);
		const handle = (code: string) => page.locator('.drag-handle', { hasText: ` ${code}` }).first();
		const item = (code: string) =>
			page.locator('.draft-question', {
				has: page.locator(':scope > details > summary', { hasText: `Fråga ${code}:` })
			});
		const order = () =>
			page
				.locator('.draft-question > details > summary')
				.evaluateAll((all) => all.map((s) => /^Fråga ([^:]+):/.exec(s.textContent?.trim() ?? '')?.[1] ?? ''));
		// The handles come with the page's script; the buttons "Flytta upp/ner" do the same without it.
		await handle('medborgarbild').waitFor();

		// Onto a question: placed before it. Onto a page's end: last on that page.
		await Promise.all([page.waitForNavigation(), handle('medborgarbild').dragTo(item('vision'))]);
		const moved = await order();
		expect(moved.slice(moved.indexOf('ledning_delar'), moved.indexOf('ledning_delar') + 4)).toEqual([
			'ledning_delar',
			'medborgarbild',
			'vision',
			'vision_kommentar'
		]);
		// Further away, the drag's events as the browser sends them (a mouse drag scrolling the long page
		// is not reliable in a headless browser).
		const dragOnto = async (code: string, target: Locator, source = handle(code)) => {
			await source.waitFor();
			const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
			await source.dispatchEvent('dragstart', { dataTransfer });
			await target.dispatchEvent('dragover', { dataTransfer });
			await Promise.all([page.waitForNavigation(), target.dispatchEvent('drop', { dataTransfer })]);
		};
		await dragOnto('drivkrafter', page.locator('.draft-page .drop-end').last());
		expect((await order()).slice(-2)).toEqual(['stod', 'drivkrafter']);
		// A follow-up dragged above its question is refused with the model's message, and nothing moves.
		await dragOnto('it_arv_kommentar', item('it_arv'));
		expect(await page.locator('.error-summary').textContent()).toContain('it_arv');
		expect(await order()).toContain('it_arv_kommentar');
		// A page dragged onto another goes before it with its questions, or last onto the zone below them.
		const pages = () => page.locator('.draft-page > h2').allTextContents();
		await dragOnto(
			'stod',
			page.locator('.draft-page').nth(2),
			page.locator('.drag-handle', { hasText: 'sida 7' })
		);
		expect((await pages()).slice(1, 4)).toEqual([
			'Sida 2: Behovet av digitalisering',
			'Sida 3: Stöd',
			'Sida 4: Vision och medborgarupplevelse'
		]);
		await dragOnto(
			'stod',
			page.locator('.drop-end', { hasText: 'Släpp en sida här' }),
			page.locator('.drag-handle', { hasText: 'sida 3' })
		);
		expect((await pages()).at(-1)).toBe('Sida 7: Stöd');

		// The live preview: the respondent's question, changing as it is typed.
		await page.goto(`${app.url}/admin/questionnaires/dra/draft`);
		await handle('vision').waitFor();
		const vision = item('vision');
		await vision.locator(':scope > details > summary').click();
		const preview = vision.locator('.live-preview');
		expect(await preview.locator('legend').textContent()).toContain('Har kommunen en digital vision');
		await vision.getByLabel('Frågetext på svenska').fill('Har kommunen en strategi för AI?');
		await vision.getByLabel('Svarsalternativ ja på svenska').fill('Ja, beslutad');
		expect(await preview.locator('legend').textContent()).toContain('Har kommunen en strategi för AI?');
		expect(await preview.getByLabel('Ja, beslutad').count()).toBe(1);
		await expectNoAxeViolations(page);
		// The designer's other pages, which have no script, open from its links as they do without one.
		await page.getByRole('link', { name: 'Ändra när frågan vision visas' }).click();
		await page.waitForURL(/\/draft\/condition\/vision$/);
		expect(await page.locator('h1').textContent()).toBe('Villkor för frågan vision');
		expect(await page.locator('script:not([type])').count()).toBe(0);
		await context.close();
	});

	it('translates a draft into Finnish in the browser and through an XLIFF file, by keyboard without JavaScript', async () => {
		const context = await signedInContext(browser, app.url, analyst, {
			javaScriptEnabled: false,
			acceptDownloads: true
		});
		const page = await context.newPage();
		const press = async (name: string) => {
			await page.getByRole('button', { name, exact: true }).focus();
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		};
		const languages = () =>
			page
				.locator('table.data tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((c) => c.textContent?.trim()))
				);
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'oversatt');
		await page.fill('#f-new-name', 'Översättning');
		await page.locator('#f-new-start-blank').focus();
		await page.keyboard.press('Space');
		await press('Skapa utkastet');
		await page.getByRole('link', { name: 'Språk och översättningar: svenska, engelska' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/oversatt/draft/languages');
		expect(await languages()).toEqual([
			['svenska', 'sv', 'källspråket'],
			['engelska', 'en', '0 av 3']
		]);

		// A language code the model does not take is refused beside its field; "fi" is Finnish.
		await page.fill('#f-lang', 'fi1');
		await press('Lägg till språket');
		expect(await page.locator('.error-summary a').allTextContents()).toEqual([
			'Skriv en språkkod av två eller tre små bokstäver, till exempel fi.'
		]);
		await expectNoAxeViolations(page);
		await page.fill('#f-lang', 'fi');
		await press('Lägg till språket');
		expect(await languages()).toEqual([
			['svenska', 'sv', 'källspråket'],
			['engelska', 'en', '0 av 3'],
			['finska', 'fi', '0 av 3']
		]);

		// Translated in the browser: the questionnaire's name.
		await page.getByRole('link', { name: 'Översätt till finska' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('label[for="f-t-title"]').textContent()).toBe('Enkäten, namn');
		await page.fill('#f-t-title', 'Käännös');
		await press('Spara översättningarna');
		expect(await page.locator('[role=status]').textContent()).toContain('Ändringen är sparad.');
		expect(await page.getByText('2 av 3 texter saknar översättning.').count()).toBe(1);
		await expectNoAxeViolations(page);

		// Out to a translator as XLIFF 2.0 and back with the page's title translated.
		await page.goto(`${app.url}/admin/questionnaires/oversatt/draft/languages`);
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Hämta XLIFF-fil för finska' }).focus();
		await page.keyboard.press('Enter');
		const download = await downloading;
		expect(download.suggestedFilename()).toBe('oversatt-fi.xlf');
		const xliff = (await downloadedBytes(download)).toString('utf8');
		expect(xliff).toContain('<target>Käännös</target>');
		const translated = xliff.replace(
			'<source>Sida 1</source>',
			'<source>Sida 1</source><target>Sivu 1</target>'
		);
		await page.setInputFiles('#f-file', {
			name: 'oversatt-fi.xlf',
			mimeType: 'application/xliff+xml',
			buffer: Buffer.from(translated)
		});
		await press('Läs in översättningen');
		expect(await page.locator('[role=status]').textContent()).toContain(
			'1 texter fick en ny översättning till finska.'
		);
		expect((await languages())[2]).toEqual(['finska', 'fi', '2 av 3']);

		// The preview in Finnish: the questionnaire's texts in Finnish and marked so, the app's own words in
		// Swedish; the untranslated question in Swedish.
		await page.goto(`${app.url}/admin/questionnaires/oversatt/preview`);
		await page.getByRole('link', { name: 'suomi' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('h1').textContent()).toBe('Käännös');
		expect(await page.locator('h1').getAttribute('lang')).toBe('fi');
		await page.getByRole('link', { name: 'Börja svara' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).search).toBe('?sprak=fi');
		expect(await page.locator('h1').textContent()).toBe('Sivu 1');
		expect(await page.locator('h1').getAttribute('lang')).toBe('fi');
		// Not yet translated: in Swedish on a page in Swedish, so without a language of its own.
		expect(
			await page
				.locator('label[for="q-fraga_1"]')
				.evaluate((e) => [e.getAttribute('lang'), e.textContent?.trim()])
		).toEqual([null, 'Fråga 1 (frivillig)']);
		expect(await page.getByRole('button', { name: 'Granska dina svar' }).count()).toBe(1);
		await expectNoAxeViolations(page);
		await page.goto(`${app.url}/admin/questionnaires/oversatt/draft/languages`);

		// A file that is no translation is refused with the reason, and nothing changes.
		await page.setInputFiles('#f-file', {
			name: 'fel.xlf',
			mimeType: 'application/xliff+xml',
			buffer: Buffer.from('<xliff><file></xliff>')
		});
		await press('Läs in översättningen');
		expect(await page.locator('.error-summary a').allTextContents()).toEqual([
			"Filen är inte giltig XML (rad 1, kolumn 14): Expected closing tag 'file' (opened in line 1, col 8) instead of closing tag 'xliff'."
		]);
		await expectNoAxeViolations(page);

		// English withdrawn with its translations.
		await press('Ta bort engelska och dess översättningar');
		expect(await languages()).toEqual([
			['svenska', 'sv', 'källspråket'],
			['finska', 'fi', '2 av 3']
		]);
		await context.close();
	});

	it("edits a draft's options, a question's dimension and follow-up, its maturity dimensions and role groups, by keyboard without JavaScript", async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		const press = async (name: string, within = page.locator('main')) => {
			await within.getByRole('button', { name, exact: true }).focus();
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		};
		const open = async (summary: string) => {
			const details = page
				.locator('details', { has: page.locator(':scope > summary', { hasText: summary }) })
				.first();
			// A refused form's section is open already.
			if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
				await details.locator(':scope > summary').focus();
				await page.keyboard.press('Enter');
			}
			return details;
		};
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'modellen');
		await page.fill('#f-new-name', 'Modellen');
		await press('Skapa utkastet');

		// An option added with its own code, in two languages; another removed.
		let vision = await open('Fråga vision:');
		const addOption = vision.locator('details', {
			has: page.locator(':scope > summary', { hasText: 'Lägg till ett svarsalternativ' })
		});
		await addOption.locator(':scope > summary').focus();
		await page.keyboard.press('Enter');
		await page.fill('#f-o-vision-label_sv', 'Delvis');
		await page.fill('#f-o-vision-label_en', 'Partly');
		await page.fill('#f-o-vision-code', 'delvis');
		await press('Lägg till svarsalternativet');
		expect(await page.locator('[role=status]').textContent()).toBe('Ändringen är sparad i utkastet.');
		vision = await open('Fråga vision:');
		expect(await vision.getByLabel('Svarsalternativ delvis på svenska').inputValue()).toBe('Delvis');
		await press('Ta bort svarsalternativet vet_ej', vision);
		vision = await open('Fråga vision:');
		expect(await vision.getByRole('button', { name: 'Ta bort svarsalternativet vet_ej' }).count()).toBe(0);
		await expectNoAxeViolations(page);

		// A dimension of its own, then the question moved to it and made a follow-up of "behov".
		const add = await open('Lägg till en dimension');
		await add.getByLabel('Etikett på svenska').fill('Artificiell intelligens');
		await add.getByLabel('Vikt').fill('1,5');
		await press('Lägg till dimensionen');
		const ai = await open('Dimension artificiell_intelligens');
		expect(await ai.getByLabel('Vikt').inputValue()).toBe('1,5');
		vision = await open('Fråga vision:');
		await vision.getByLabel('Mognadsdimension som frågan mäter').selectOption('artificiell_intelligens');
		await vision.getByLabel('Följer upp frågan').selectOption('behov');
		await press('Spara', vision);
		vision = await open('Fråga vision:');
		expect(await vision.getByLabel('Mognadsdimension som frågan mäter').inputValue()).toBe(
			'artificiell_intelligens'
		);
		expect(await vision.getByLabel('Följer upp frågan').inputValue()).toBe('behov');
		// A dimension still measured is refused with the model's reason; a weight of 0 beside its field.
		await press(
			'Ta bort dimensionen artificiell_intelligens',
			await open('Dimension artificiell_intelligens')
		);
		expect(await page.locator('.error-summary li').count()).toBeGreaterThan(0);
		const weight = await open('Dimension artificiell_intelligens');
		await weight.getByLabel('Vikt').fill('0');
		await press('Spara', weight);
		expect(await page.locator('.error-summary li').first().textContent()).toContain('Ange en vikt');
		await expectNoAxeViolations(page);

		// A role group with its title keywords.
		const group = await open('Lägg till en rollgrupp');
		await group.getByLabel('Etikett på svenska').fill('Skola');
		await group.getByLabel('Ord i titeln').fill('Rektor, förskolechef');
		await press('Lägg till rollgruppen');
		const skola = await open('Rollgrupp skola');
		expect(await skola.getByLabel('Ord i titeln').inputValue()).toBe('rektor, förskolechef');
		await expectNoAxeViolations(page);

		// A level's meaning, and a page moved a step down.
		const level = await open('Nivå lag');
		await level.getByLabel('Vad nivån betyder på svenska').fill('Digitaliseringen har just börjat.');
		await press('Spara', level);
		expect(await (await open('Nivå lag')).getByLabel('Vad nivån betyder på svenska').inputValue()).toBe(
			'Digitaliseringen har just börjat.'
		);
		// "Behovet" cannot go below "Vision", whose question now follows it up; "Stöd" can go up.
		await press('Flytta sida 2 ett steg ner');
		expect(await page.locator('.error-summary li').count()).toBeGreaterThan(0);
		await press('Flytta sida 7 ett steg upp');
		expect(await page.locator('h2', { hasText: /^Sida [67]:/ }).allTextContents()).toEqual([
			'Sida 6: Stöd',
			'Sida 7: Kultur och kompetens'
		]);
		await context.close();
	});

	it("recreates the built-in template's first two pages in the designer from an empty questionnaire, giving the same definition as the file", {
		timeout: 120_000
	}, async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		const post = (fields: Array<[string, string | true]>) => sendForm(page, fields);
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'omgjord');
		await page.fill('#f-new-name', 'Digital mognad i kommuner');
		await page.locator('#f-new-start-blank').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Skapa utkastet' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(new URL(page.url()).pathname).toBe('/admin/questionnaires/omgjord/draft');

		// Page "Om dig": its two background questions.
		await post([
			['f-new-page-pageTitle_sv', 'Om dig'],
			['f-new-page-pageTitle_en', 'About you'],
			['f-new-page-pageCode', 'om_dig'],
			['f-new-page-type-organisation', true],
			['f-new-page-text_sv', 'Vilken organisation arbetar du i?'],
			['f-new-page-text_en', 'Which organisation do you work in?'],
			['f-new-page-code', 'organisation'],
			['f-new-page-required', true]
		]);
		await post([
			['f-s-om_dig-intro_sv', 'Berätta var du arbetar och vilken roll du har.'],
			['f-s-om_dig-intro_en', 'Tell us where you work and what your role is.']
		]);
		await post([
			['f-a-om_dig-type-role', true],
			['f-a-om_dig-text_sv', 'Vilken roll har du?'],
			['f-a-om_dig-text_en', 'What is your role?'],
			['f-a-om_dig-code', 'roll'],
			['f-a-om_dig-required', true]
		]);
		// Page "Behovet av digitalisering": the scale with its ends and top box, its comment and the question
		// on the management, which measures the dimension "strategi".
		await post([
			['f-new-page-pageTitle_sv', 'Behovet av digitalisering'],
			['f-new-page-pageTitle_en', 'The need for digitalisation'],
			['f-new-page-pageCode', 'behov'],
			['f-new-page-type-scale', true],
			['f-new-page-text_sv', 'Hur stort är behovet av digitalisering i din kommun?'],
			['f-new-page-text_en', 'How great is the need for digitalisation in your municipality?'],
			['f-new-page-code', 'behov'],
			['f-new-page-required', true],
			['f-new-page-min', '1'],
			['f-new-page-max', '10']
		]);
		await post([
			['f-q-behov-topic_sv', 'Behovet av digitalisering'],
			['f-q-behov-topic_en', 'The need for digitalisation'],
			['f-q-behov-minLabel_sv', 'Mycket litet'],
			['f-q-behov-minLabel_en', 'Very small'],
			['f-q-behov-maxLabel_sv', 'Mycket stort'],
			['f-q-behov-maxLabel_en', 'Very great'],
			['f-q-behov-topBoxFrom', '7'],
			['f-q-behov-topBox_sv', 'Stort (7–10)'],
			['f-q-behov-topBox_en', 'Great (7–10)']
		]);
		await post([
			['f-a-behov-type-text', true],
			['f-a-behov-text_sv', 'Kommentera gärna.'],
			['f-a-behov-text_en', 'Feel free to comment.'],
			['f-a-behov-code', 'behov_kommentar']
		]);
		await post([['f-q-behov_kommentar-followUpOf', 'behov']]);
		await post([
			['f-new-dimension-label_sv', 'Strategi'],
			['f-new-dimension-label_en', 'Strategy'],
			['f-new-dimension-code', 'strategi']
		]);
		await post([
			['f-a-behov-type-yes-no', true],
			['f-a-behov-text_sv', 'Delar hela kommunledningen denna uppfattning?'],
			['f-a-behov-text_en', 'Does the whole municipal management share this view?'],
			['f-a-behov-code', 'ledning_delar'],
			['f-a-behov-required', true]
		]);
		await post([
			['f-q-ledning_delar-followUpOf', 'behov'],
			['f-q-ledning_delar-dimension', 'strategi']
		]);
		// The empty questionnaire's own first page goes.
		await page.getByRole('button', { name: 'Ta bort sida 1 och dess frågor' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Publicera version 1' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const published = await context.request.get(`${app.url}/admin/questionnaires/omgjord/1.json`);
		expect(published.status()).toBe(200);
		const built = (await published.json()) as { sections: unknown[] };
		const file = parseQuestionnaire(
			JSON.parse(await readFile(`${builtInQuestionnairesFolder()}/${Q}.json`, 'utf8'))
		);
		if (!file.ok) throw new Error(file.errors.join('\n'));
		// The same pages, questions and texts, with every default filled in alike (canonical JSON).
		expect(built.sections).toEqual(file.questionnaire.sections.slice(0, 2));
		await context.close();
	});

	it('builds a small questionnaire by keyboard without JavaScript (two pages, every kind of question, a condition, English), previews and publishes it, and a wave of it is answered', {
		timeout: 150_000
	}, async () => {
		const context = await signedInContext(browser, app.url, analyst, { javaScriptEnabled: false });
		const page = await context.newPage();
		const post = (fields: Array<[string, string | true]>) => sendForm(page, fields);
		await page.goto(`${app.url}/admin/questionnaires`);
		await page.fill('#f-new-code', 'liten');
		await page.fill('#f-new-name', 'Liten enkät');
		await page.locator('#f-new-start-blank').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Skapa utkastet' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

		await post([['f-questionnaire-title_en', 'A small questionnaire']]);
		await post([
			['f-s-sida_1-title_sv', 'Om er'],
			['f-s-sida_1-title_en', 'About you']
		]);
		await post([
			['f-q-fraga_1-text_sv', 'Vad vill ni säga?'],
			['f-q-fraga_1-text_en', 'What would you like to say?'],
			['f-q-fraga_1-lines', 'one'],
			['f-q-fraga_1-maxLength', '300']
		]);
		await post([
			['f-a-sida_1-type-yes-no', true],
			['f-a-sida_1-text_sv', 'Använder ni AI?'],
			['f-a-sida_1-text_en', 'Do you use AI?'],
			['f-a-sida_1-code', 'ai'],
			['f-a-sida_1-required', true]
		]);
		await post([
			['f-a-sida_1-type-single', true],
			['f-a-sida_1-text_sv', 'Hur stor är organisationen?'],
			['f-a-sida_1-text_en', 'How large is the organisation?'],
			['f-a-sida_1-options', 'Liten\nStor']
		]);
		// Its codes may still change: nothing published has the question.
		await post([
			['f-c-hur_stor_ar_organisationen-code', 'storlek'],
			['f-c-hur_stor_ar_organisationen-code.liten', 'sma']
		]);
		await post([
			['f-q-storlek-option.sma_en', 'Small'],
			['f-q-storlek-option.stor_en', 'Large']
		]);
		await post([
			['f-new-page-pageTitle_sv', 'Mer'],
			['f-new-page-pageTitle_en', 'More'],
			['f-new-page-type-scale', true],
			['f-new-page-text_sv', 'Hur långt har ni kommit?'],
			['f-new-page-text_en', 'How far have you come?'],
			['f-new-page-code', 'niva'],
			['f-new-page-min', '1'],
			['f-new-page-max', '5']
		]);
		await post([
			['f-a-mer-type-multi', true],
			['f-a-mer-text_sv', 'Vilka verktyg?'],
			['f-a-mer-text_en', 'Which tools?'],
			['f-a-mer-code', 'verktyg'],
			['f-a-mer-options', 'Chattbot\nÖversättning']
		]);
		await post([
			['f-q-verktyg-option.chattbot_en', 'Chatbot'],
			['f-q-verktyg-option.oversattning_en', 'Translation']
		]);
		// A page put between the two, then removed again.
		await post([
			['f-new-page-pageTitle_sv', 'Mellan'],
			['f-new-page-after', 'sida_1'],
			['f-new-page-type-text', true],
			['f-new-page-text_sv', 'Något mer?'],
			['f-new-page-code', 'mellan_fraga']
		]);
		expect(await page.locator('h2', { hasText: /^Sida \d:/ }).allTextContents()).toEqual([
			'Sida 1: Om er',
			'Sida 2: Mellan',
			'Sida 3: Mer'
		]);
		await page.getByRole('button', { name: 'Ta bort sida 2 och dess frågor' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		// "Vilka verktyg?" only for those who use AI, set in two steps.
		await reveal(page, 'q-verktyg');
		await page.getByRole('link', { name: 'Ändra när frågan verktyg visas' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		await page.getByLabel(/^ai: /).focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Välj frågan' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		await page.getByLabel('Ja', { exact: true }).focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Spara villkoret' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('#q-verktyg').textContent()).toContain('Visas när ai är Ja.');
		expect(await page.locator('main').textContent()).toContain('Alla texter finns också på engelska.');
		await expectNoAxeViolations(page);

		// The preview in English: no to AI, so the second page has no question on tools.
		await page.goto(`${app.url}/admin/questionnaires/liten/preview/sida/sida_1?sprak=en`);
		expect(await page.locator('h1').textContent()).toBe('About you');
		await page.locator('#q-ai-nej').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Next' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('h1').textContent()).toBe('More');
		expect(await page.getByText('Which tools?').count()).toBe(0);

		await page.goto(`${app.url}/admin/questionnaires/liten/draft`);
		await page.getByRole('button', { name: 'Publicera version 1' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.locator('[role=status]').textContent()).toContain('Publicerade liten version 1.');

		// A wave of it, by open link, opened for answers.
		await page.goto(`${app.url}/admin/waves/new`);
		await page.locator('#f-questionnaire').selectOption('liten@1');
		await page.fill('#f-name', 'Liten omgång');
		await page.locator('#f-mode-open').focus();
		await page.keyboard.press('Space');
		await page.fill('#f-k', '1');
		await page.getByRole('button', { name: 'Skapa mätomgången' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const slug = new URL(page.url()).pathname.split('/').at(-1) ?? '';
		await page.getByRole('button', { name: 'Öppna för svar' }).focus();
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

		// Answered by someone who uses AI: the tools question shows on the second page.
		const respondent = await browser.newContext({ javaScriptEnabled: false });
		const answering = await respondent.newPage();
		await answering.goto(`${app.url}/o/${slug}`);
		expect(await answering.locator('h1').textContent()).toBe('Liten enkät');
		await answering.locator('#f-organisation').selectOption({ label: 'Luleå' });
		await answering.getByRole('button', { name: 'Börja svara' }).click();
		await answering.getByRole('link', { name: 'Börja svara' }).click();
		expect(await answering.locator('h1').textContent()).toBe('Om er');
		expect(await answering.locator('input#q-fraga_1').getAttribute('maxlength')).toBe('300');
		await answering.locator('#q-fraga_1').fill('Mer stöd, tack.');
		await answering.locator('#q-ai').check();
		await answering.locator('#q-storlek-stor').check();
		await answering.getByRole('button', { name: 'Nästa' }).click();
		expect(await answering.locator('h1').textContent()).toBe('Mer');
		await answering.locator('#q-niva-4').check();
		await answering.locator('#q-verktyg').check();
		await answering.getByRole('button', { name: 'Granska dina svar' }).click();
		await answering.getByRole('button', { name: 'Skicka in svaren' }).click();
		expect(new URL(answering.url()).pathname).toMatch(/\/tack$/);
		await respondent.close();

		await page.goto(`${app.url}/admin/waves/${slug}`);
		expect(await page.locator('main').textContent()).toContain('Liten omgång');
		await context.close();
	});
});
