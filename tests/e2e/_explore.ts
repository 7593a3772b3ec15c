import { removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';
import { expectNoAxeViolations, focused, launchBrowser, respondentContext } from './browser.ts';

const dataDir = tempDataDir();
const { tokens } = await seedWave({ dataDir, slug: 'xx', mode: 'invite', participants: 1 });
const server = await startAppServer({ dataDir });
const browser = await launchBrowser();
try {
	const ctx = await respondentContext(browser);
	const page = await ctx.newPage();
	const res = await page.goto(`${server.url}/s/${tokens[0]}`);
	console.log(res?.status(), JSON.stringify(await res?.allHeaders(), null, 1));
	console.log(await page.content());
	for (const p of ['', '/sida/behov']) {
		await page.goto(`${server.url}/s/${tokens[0]}${p}`);
		try {
			await expectNoAxeViolations(page);
			console.log('axe ok', p);
		} catch (e) {
			console.log(String(e));
		}
	}
	await page.keyboard.press('Tab');
	console.log(await focused(page));
	await page.keyboard.press('Tab');
	console.log(await focused(page));
} finally {
	await browser.close();
	await server.stop();
	removeDataDir(dataDir);
}
