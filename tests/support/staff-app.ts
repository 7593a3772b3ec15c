import type { Browser, Page } from 'playwright-core';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import type { TDatabase } from '../../src/lib/server/db/client.ts';
import { connectBrowser } from '../e2e/browser.ts';
import { signedInPages } from '../e2e/signed-in-pages.ts';
import { type SeededUser, seedUsers } from './admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from './app-server.ts';
import { openSeedDatabase } from './seed-database.ts';

export interface StaffApp {
	url: string;
	browser: Browser;
	/** One signed-in user per role. */
	users: Record<TRole, SeededUser>;
	/** A page at `target`, signed in as `role` (see signed-in-pages.ts: pages are reused between tests). */
	open: (role: TRole, target: string, javaScriptEnabled?: boolean) => Promise<Page>;
	/** Ends a test's use of its pages: the file calls it in `afterEach`. */
	release: () => Promise<void>;
	/** Closes the contexts and the browser (and stops the app's own server, if it has one). */
	close: () => Promise<void>;
}

/**
 * The staff pages of a running app at `url` for `users`, in `browser`; `javaScriptEnabled` is the default
 * for `open`. `stop` runs after the browser connection is closed.
 */
export function staffAppOn(
	url: string,
	browser: Browser,
	users: Record<TRole, SeededUser>,
	options: { javaScriptEnabled: boolean },
	stop: () => Promise<void> = async () => {}
): StaffApp {
	const pages = signedInPages(browser, url);
	return {
		url,
		browser,
		users,
		open: async (role, target, javaScriptEnabled = options.javaScriptEnabled) =>
			(await pages.open(users[role], target, { javaScriptEnabled })).page,
		release: pages.release,
		close: async () => {
			await browser.close();
			await stop();
		}
	};
}

/**
 * The staff pages' test app on a server of its own, for a file that needs an installation no other file
 * shares: a fresh data folder whose database is opened once for `seed(database)` and one user per role,
 * then the built server on it and the shared Chromium. (Files that can share the e2e project's server use
 * startSharedStaffApp in tests/e2e/app.ts.)
 */
export async function startStaffApp(
	seed: (database: TDatabase) => Promise<void>,
	options: { javaScriptEnabled: boolean }
): Promise<StaffApp> {
	const dataDir = seededDataDir();
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
		const running = server;
		return staffAppOn(running.url, await connectBrowser(), users, options, async () => {
			await running.stop();
			removeDataDir(dataDir);
		});
	} catch (error) {
		await server?.stop();
		removeDataDir(dataDir);
		throw error;
	}
}
