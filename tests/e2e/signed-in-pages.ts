import type { Browser, BrowserContext, BrowserContextOptions, Cookie, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/lib/server/auth/create-session.ts';
import { type SeededUser, signedInContext } from '../support/admin-client.ts';

export interface SignedInPages {
	/**
	 * A page at `target` signed in as `user`, with its document's status. Within a test every call gives a
	 * page of its own; they share the user's context (one sign-in, one cookie jar) for the same options.
	 */
	open: (
		user: Pick<SeededUser, 'email' | 'password'>,
		target: string,
		options?: BrowserContextOptions,
		/** Called with the page before it goes to `target` (to listen from the first request on). */
		prepare?: (page: Page) => void
	) => Promise<{ page: Page; status: number | undefined }>;
	/**
	 * Ends a test's use of its pages (call it in `afterEach`): one page per context is kept, cleared of the
	 * test's listeners and routes, for the next test; the others are closed.
	 */
	release: () => Promise<void>;
}

interface Entry {
	context: BrowserContext;
	cookies: Cookie[];
	viewport: { width: number; height: number } | null;
	idle: Page | undefined;
	busy: Page[];
}

/**
 * Signed-in pages on `baseUrl`, reused from test to test in one file. In Chromium a new context costs
 * about 0.1 s and a new page about 0.5 s (a renderer process and Playwright's set-up); navigating a page
 * that exists costs about 0.15 s. A context lives until the file's browser connection closes, unless a
 * test closes it, and then the next `open` makes it anew.
 */
export function signedInPages(browser: Browser, baseUrl: string): SignedInPages {
	const entries = new Map<string, Promise<Entry>>();

	async function entryFor(user: Pick<SeededUser, 'email' | 'password'>, options: BrowserContextOptions) {
		const key = JSON.stringify([user.email, options]);
		let entry = entries.get(key);
		if (!entry) {
			entry = (async () => {
				const context = await signedInContext(browser, baseUrl, user, options);
				context.on('close', () => entries.delete(key));
				return {
					context,
					cookies: await context.cookies(),
					viewport: options.viewport === undefined ? { width: 1280, height: 720 } : options.viewport,
					idle: undefined,
					busy: []
				};
			})();
			entries.set(key, entry);
			entry.catch(() => entries.delete(key));
		}
		return entry;
	}

	return {
		open: async (user, target, options = {}, prepare) => {
			const entry = await entryFor(user, options);
			const reused = entry.idle && !entry.idle.isClosed() ? entry.idle : undefined;
			entry.idle = undefined;
			const page = reused ?? (await entry.context.newPage());
			entry.busy.push(page);
			prepare?.(page);
			const response = await page.goto(`${baseUrl}${target}`);
			return { page, status: response?.status() };
		},
		release: async () => {
			for (const pending of entries.values()) {
				const entry = await pending.catch(() => undefined);
				if (!entry) continue;
				const pages = entry.busy.filter((page) => !page.isClosed());
				entry.busy = [];
				// A test that signed out (or was signed in as someone else) leaves a context to make anew.
				const session = (cookies: Cookie[]) => cookies.find((c) => c.name === SESSION_COOKIE)?.value;
				if (session(await entry.context.cookies()) !== session(entry.cookies)) {
					await entry.context.close();
					continue;
				}
				const [keep, ...others] = pages;
				for (const page of others) await page.close();
				if (!keep) continue;
				// What a test may have changed: its listeners and routes, the viewport, and other cookies (a
				// language chosen).
				keep.removeAllListeners();
				await keep.unrouteAll({ behavior: 'ignoreErrors' });
				if (entry.viewport && keep.viewportSize()?.width !== entry.viewport.width)
					await keep.setViewportSize(entry.viewport);
				// A page left on the app would go on running (a dashboard polls); a blank one does nothing.
				await keep.goto('about:blank');
				await entry.context.clearCookies();
				await entry.context.addCookies(entry.cookies);
				entry.idle = keep;
			}
		}
	};
}
