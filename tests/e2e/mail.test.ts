import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser, signedInContext } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';
import {
	connectBrowser,
	expectNoAxeViolations,
	expectRespondentPage,
	loads,
	respondentContext
} from './browser.ts';

// No SMTP server is configured: the app's worker moves queued e-mail to the outbox, where the analyst reads it.
const dataDir = seededDataDir();
let server: AppServer;
let browser: Browser;
const analyst = { email: 'analytiker@example.org', password: 'analytiker-lösenord-som-är-långt' };

beforeAll(async () => {
	await seedWave({ dataDir, slug: 'post', mode: 'invite', participants: 3 });
	await seedUser({ dataDir, role: 'analyst', ...analyst });
	server = await startAppServer({ dataDir, env: { MAIL_POLL_MS: '200' } });
	browser = await connectBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	removeDataDir(dataDir);
});

const main = (page: Page) => page.textContent('main');

describe("a wave's e-mail", () => {
	it('is previewed, queued after a confirmation with the numbers, and read in the outbox; its link works and opts out', async () => {
		const page = await (await signedInContext(browser, server.url, analyst)).newPage();
		await page.goto(`${server.url}/admin/waves/post/messages`);
		expect(await page.textContent('h1')).toBe('E-post');
		expect(await main(page)).toContain('Hej Person 1!');
		expect(await main(page)).toContain(`${server.url}/s/[personlig-länk]`);
		await expectNoAxeViolations(page);

		await loads(page, () => page.getByRole('button', { name: 'Skicka inbjudningar (3)' }).click());
		expect(await main(page)).toContain('3 deltagare får en inbjudan.');
		await expectNoAxeViolations(page);
		await loads(page, () => page.getByRole('button', { name: 'Ja, skicka' }).click());
		expect(await page.getByRole('status').textContent()).toContain('3 inbjudningar har lagts i kön.');

		// The worker moves them to the outbox within a few polls.
		for (let i = 0; i < 50; i++) {
			await page.goto(`${server.url}/admin/waves/post/messages`);
			if ((await page.locator('article').count()) === 3) break;
			await page.waitForTimeout(200);
		}
		expect(await page.locator('article').count()).toBe(3);
		await expectNoAxeViolations(page);
		const body = (await page.locator('article pre').first().textContent()) ?? '';
		const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}(?=\n)/.exec(body)?.[0] ?? '';
		expect(link).not.toBe('');

		const respondent = await (await respondentContext(browser)).newPage();
		await respondent.goto(link);
		expect(await respondent.textContent('h1')).toBe('Digital mognad i kommuner');
		await respondent.goto(`${link}/avregistrera`);
		expect(await respondent.textContent('h1')).toBe('Avregistrera dig från utskick');
		await expectRespondentPage(respondent);
		await loads(respondent, () => respondent.getByRole('button', { name: 'Avregistrera mig' }).click());
		expect(await respondent.textContent('h1')).toBe('Du är avregistrerad');
		await expectRespondentPage(respondent);

		// The one who opted out gets no reminder.
		await page.goto(`${server.url}/admin/waves/post/messages`);
		expect(await main(page)).toContain('Skicka påminnelser (2)');
	});
});
