import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import { launchBrowser } from '../e2e/browser.ts';
import { type SeededUser, seedUsers, signedInContext } from './admin-client.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from './app-server.ts';

export interface StaffApp {
	url: string;
	dataDir: string;
	server: AppServer;
	browser: Browser;
	/** One signed-in user per role. */
	users: Record<TRole, SeededUser>;
	/** A page at `target`, in a fresh context signed in as `role`. */
	open: (role: TRole, target: string, javaScriptEnabled?: boolean) => Promise<Page>;
	/** Closes the contexts and the browser, stops the server and removes the data folder. */
	close: () => Promise<void>;
}

/**
 * The staff pages' test app on its own server: a fresh data folder, `seed(dataDir)` run on it before the
 * server starts (waves, responses), one user per role, then the built server and Chromium.
 * `javaScriptEnabled` is the default for `open`.
 */
export async function startStaffApp(
	seed: (dataDir: string) => Promise<void>,
	options: { javaScriptEnabled: boolean }
): Promise<StaffApp> {
	const dataDir = tempDataDir();
	let server: AppServer | undefined;
	try {
		await seed(dataDir);
		const users = await seedUsers({ dataDir });
		server = await startAppServer({ dataDir });
		const browser = await launchBrowser();
		const running = server;
		const contexts: BrowserContext[] = [];
		return {
			url: running.url,
			dataDir,
			server: running,
			browser,
			users,
			open: async (role, target, javaScriptEnabled = options.javaScriptEnabled) => {
				const context = await signedInContext(browser, running.url, users[role], { javaScriptEnabled });
				contexts.push(context);
				const page = await context.newPage();
				await page.goto(`${running.url}${target}`);
				return page;
			},
			close: async () => {
				for (const c of contexts) await c.close();
				await browser.close();
				await running.stop();
				removeDataDir(dataDir);
			}
		};
	} catch (error) {
		await server?.stop();
		removeDataDir(dataDir);
		throw error;
	}
}
