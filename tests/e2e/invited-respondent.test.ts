import { count, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { responses } from '../../src/lib/server/db/schema.ts';
import { resolveRespondent } from '../../src/lib/server/responses/resolve-respondent.ts';
import { templatePages } from '../support/template-answers.ts';
import { type OwnE2eApp, startOwnE2eApp } from './app.ts';
import { expectFocus, expectRespondentPage, loads, respondentContext } from './browser.ts';
import { answerPages, checkedValue, fillFields, follow, reviewAnswer } from './respondent.ts';

let app: OwnE2eApp;
beforeAll(async () => {
	app = await startOwnE2eApp([{ slug: 'chefer', mode: 'invite', participants: 3 }]);
});
afterAll(async () => {
	await app?.close();
});

const heading = (page: Page) => page.locator('h1').textContent();
const path = (page: Page) => new URL(page.url()).pathname;

describe('an invited respondent', () => {
	it('answers every page in Swedish, the first by keyboard alone, reviews the answers and submits', async () => {
		const token = app.token('chefer', 0);
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/s/${token}`);
		expect(await page.getAttribute('html', 'lang')).toBe('sv');
		expect(await heading(page)).toBe('Digital mognad i kommuner');
		expect(await page.textContent('main')).toContain('Enkäten har 6 sidor.');
		await expectRespondentPage(page);

		// Keyboard: the skip link leads past the header, Enter starts.
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'a', text: 'Hoppa till innehållet' });
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'a', text: 'Börja svara' });
		await loads(page, () => page.keyboard.press('Enter'));
		expect(path(page)).toBe(`/s/${token}/sida/behov`);
		expect(await page.textContent('main')).toContain('Sida 1 av 6');
		await expectRespondentPage(page);

		// The first page answered with Tab, arrow keys, Space, typing and Enter only.
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'input', id: 'q-behov', value: '1', checked: false });
		for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
		await expectFocus(page, { id: 'q-behov-7', value: '7', checked: true });
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'textarea', id: 'q-behov_kommentar' });
		await page.keyboard.type('<script>alert(1)</script> & "citat"');
		await page.keyboard.press('Tab');
		await expectFocus(page, { id: 'q-ledning_delar', value: 'ja', checked: false });
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowDown');
		await expectFocus(page, { id: 'q-ledning_delar-nej', checked: true });
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'button', text: 'Nästa' });
		await loads(page, () => page.keyboard.press('Enter'));

		expect(path(page)).toBe(`/s/${token}/sida/vision`);
		expect(await page.textContent('main')).toContain('Sida 2 av 6');
		await expectRespondentPage(page);
		const choice = (question: string) => page.getByRole('radiogroup', { name: question });
		await choice('Har kommunen en digital vision').getByLabel('Ja', { exact: true }).check();
		await page.getByLabel('Hur arbetar ni med den?').fill('Vi har en handlingsplan.');
		await choice('gemensam bild av framtidens medborgarupplevelse')
			.getByLabel('Nej', { exact: true })
			.check();
		// Answering "nej" on decision capacity reveals its follow-up under it, on the same page.
		expect(await page.getByLabel('Vad saknas?').isVisible()).toBe(false);
		await choice('beslutsmässighet och kapacitet').getByLabel('Nej', { exact: true }).check();
		await page.getByLabel('Vad saknas?').fill('Tid och pengar.');
		expect(await page.textContent('#q-beslutskapacitet_varfor-help')).toContain(
			'Du svarade nej eller vet ej'
		);
		await expectRespondentPage(page);
		await follow(page, 'button', 'Nästa');

		expect(path(page)).toBe(`/s/${token}/sida/formaga`);
		await choice('tidigare gjorda IT-investeringar').getByLabel('Ja', { exact: true }).check();
		await page.getByLabel('Beskriv gärna hur.').fill('Gamla verksamhetssystem.');
		await follow(page, 'button', 'Nästa');

		expect(path(page)).toBe(`/s/${token}/sida/omvarld`);
		await expectRespondentPage(page);
		await choice('Sker omvärldsbevakning').getByLabel('Ja', { exact: true }).check();
		await page.getByRole('group', { name: 'Vem upplever du' }).getByLabel('IT-avdelningen').check();
		await page.getByRole('group', { name: 'Vem upplever du' }).getByLabel('Medborgarna').check();
		await page.getByLabel('Annat, nämligen').fill('Medborgarlöften');
		await page.getByLabel('Vad driver på den digitala utvecklingen').fill('Ekonomin.');
		await follow(page, 'button', 'Nästa');

		expect(path(page)).toBe(`/s/${token}/sida/kultur`);
		await choice('kultur som uppmuntrar').getByLabel('Nej', { exact: true }).check();
		await page.getByLabel('Utveckla gärna.').fill('Ovana vid förändring.');
		await page.getByLabel('Vad kan göras').fill('Utbildning.');
		await choice('kompetens är tillräcklig').getByLabel('Vet ej').check();
		await follow(page, 'button', 'Nästa');

		expect(path(page)).toBe(`/s/${token}/sida/stod`);
		expect(await page.textContent('main')).toContain('Sida 6 av 6');
		await expectRespondentPage(page);
		await page.getByLabel('Hur kan Region Norrbotten').fill('Samordning i länet.');
		await follow(page, 'button', 'Granska dina svar');

		expect(path(page)).toBe(`/s/${token}/granska`);
		expect(await heading(page)).toBe('Granska dina svar');
		await expectRespondentPage(page);
		expect(await reviewAnswer(page, 'Hur stort är behovet')).toBe('7 (1–10)');
		expect(await reviewAnswer(page, 'Delar hela kommunledningen')).toBe('Nej');
		expect(await reviewAnswer(page, 'Vad saknas?')).toBe('Tid och pengar.');
		expect(await reviewAnswer(page, 'Vem upplever du')).toBe(
			'Annat: Medborgarlöften, IT-avdelningen, Medborgarna'
		);
		expect(await reviewAnswer(page, 'Utveckla gärna.')).toBe('Ovana vid förändring.');
		expect(await reviewAnswer(page, 'Hur kan Region Norrbotten')).toBe('Samordning i länet.');
		// HTML typed into a free-text answer is shown as the text it is.
		expect(await reviewAnswer(page, 'Kommentera gärna.')).toBe('<script>alert(1)</script> & "citat"');
		expect(await page.getByText('<script>alert(1)</script> & "citat"', { exact: true }).isVisible()).toBe(
			true
		);
		expect(await page.locator('script').count()).toBe(0);

		await follow(page, 'button', 'Skicka in svaren');
		expect(path(page)).toBe(`/s/${token}/tack`);
		expect(await heading(page)).toBe('Tack för dina svar!');
		await expectRespondentPage(page);
	});

	it('is asked "Vad saknas?" only while the answer on decision capacity is nej or vet ej, on the same page', async () => {
		const token = app.token('chefer', 1);
		const page = await (await respondentContext(app.browser)).newPage();
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		const [behov] = templatePages(1);
		await answerPages(page, behov ? [behov] : []);
		expect(path(page)).toBe(`/s/${token}/sida/vision`);
		const varfor = page.getByLabel('Vad saknas?');
		const capacity = (answer: string) =>
			page
				.getByRole('radiogroup', { name: 'beslutsmässighet och kapacitet' })
				.getByLabel(answer, { exact: true });
		expect(await varfor.isVisible()).toBe(false);
		// A screen reader hears on "Nej" and "Vet ej" that a question shows below.
		for (const answer of ['Nej', 'Vet ej'])
			expect(await capacity(answer).getAttribute('aria-describedby')).toBe('q-beslutskapacitet-reveals');
		expect(await capacity('Ja').getAttribute('aria-describedby')).toBeNull();
		expect(await page.locator('#q-beslutskapacitet-reveals').textContent()).toBe(
			'Visar en följdfråga under frågan.'
		);

		// By keyboard, without JavaScript: "Vet ej" reveals the question, next in the tab order.
		await capacity('Vet ej').focus();
		await page.keyboard.press('Space');
		expect(await varfor.isVisible()).toBe(true);
		await page.keyboard.press('Tab');
		await expectFocus(page, { tag: 'textarea', id: 'q-beslutskapacitet_varfor' });
		await page.keyboard.type('Ingen tid.');
		await expectRespondentPage(page);
		// "Ja" hides it again; the text typed is not sent on as an answer.
		await page.keyboard.press('Shift+Tab');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect(await checkedValue(page, 'q.beslutskapacitet')).toBe('ja');
		expect(await varfor.isVisible()).toBe(false);
		await fillFields(page, [
			['q.vision', 'ja'],
			['q.medborgarbild', 'nej']
		]);
		await follow(page, 'button', 'Nästa');
		expect(path(page)).toBe(`/s/${token}/sida/formaga`);
		await follow(page, 'button', 'Föregående');
		expect(path(page)).toBe(`/s/${token}/sida/vision`);
		expect(await checkedValue(page, 'q.beslutskapacitet')).toBe('ja');
		expect(await page.locator('[name="q.beslutskapacitet_varfor"]').inputValue()).toBe('');

		// An answer given while the question shows is kept, and shown with it.
		await capacity('Nej').check();
		await varfor.fill('Pengar.');
		await follow(page, 'button', 'Nästa');
		await follow(page, 'button', 'Föregående');
		expect(await varfor.isVisible()).toBe(true);
		expect(await varfor.inputValue()).toBe('Pengar.');
	});

	// Last in this file: it stops the server to look in the database.
	it('cannot submit twice: the link says "Du har redan svarat", a second submit ends on the thank-you page, one complete response is stored', async () => {
		const token = app.token('chefer', 2);
		const context = await respondentContext(app.browser);
		const page = await context.newPage();
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		await answerPages(page, templatePages(2));
		expect(path(page)).toBe(`/s/${token}/granska`);
		// The review page is also open in a second tab, which will post the form again.
		const stale = await context.newPage();
		await stale.goto(page.url());
		await follow(page, 'button', 'Skicka in svaren');
		expect(await heading(page)).toBe('Tack för dina svar!');

		await page.goto(`${app.url}/s/${token}`);
		expect(await heading(page)).toBe('Du har redan svarat');
		expect(await page.textContent('main')).toContain('Dina svar är inskickade och kan inte ändras.');
		await expectRespondentPage(page);
		// The question pages lead to the thank-you page.
		await page.goto(`${app.url}/s/${token}/sida/behov`);
		expect(path(page)).toBe(`/s/${token}/tack`);

		await follow(stale, 'button', 'Skicka in svaren');
		expect(path(stale)).toBe(`/s/${token}/tack`);
		expect(await heading(stale)).toBe('Tack för dina svar!');
		await context.close();

		await app.server.stop();
		const database = await openDatabase({ dataDir: app.dataDir });
		try {
			const respondent = await resolveRespondent(database.db, token);
			expect(respondent?.response?.status).toBe('complete');
			const participantId = respondent?.participant?.id ?? '';
			const [stored] = await database.db
				.select({ n: count() })
				.from(responses)
				.where(eq(responses.participantId, participantId));
			expect(stored?.n).toBe(1);
		} finally {
			await database.close();
		}
	});
});
