import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import type { TDatabase } from '../../src/lib/server/db/client.ts';
import { connectBrowser } from '../e2e/browser.ts';
import { type SeededUser, seedUsers, signedInContext } from './admin-client.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from './app-server.ts';
import { openSeedDatabase } from './seed-database.ts';

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
 * The staff pages' test app on its own server: a fresh data folder whose database is opened once for
 * `seed(database)` (waves, responses) and one user per role, then the built server on it and the shared
 * Chromium.
 * `javaScriptEnabled` is the default for `open`.
 */
export async function startStaffApp(
	seed: (database: TDatabase) => Promise<void>,
	options: { javaScriptEnabled: boolean }
): Promise<StaffApp> {
	const dataDir = tempDataDir();
	let server: AppServer | undefined;
	try {
		const database = await openSeedDatabase({ dataDir });
		let users: Record<TRole, SeededUser>;
		try {
			await seed(database);
			users = await seedUsers({ database });
		} finally {
			await database.close();
		}
		server = await startAppServer({ dataDir });
		const browser = await connectBrowser();
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
