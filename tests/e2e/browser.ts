import { existsSync } from 'node:fs';
import type axe from 'axe-core';
import { source as axeSource } from 'axe-core';
import {
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	chromium,
	type Download,
	type LaunchOptions,
	type Page,
	type Response
} from 'playwright-core';
import { expect, inject } from 'vitest';

// Debian's headless shell (package chromium-headless-shell: the same engine without the browser's
// interface, what Playwright itself runs headless) took half the CPU of the full browser in headless mode
// over the e2e files (184 s against 386 s); the full browser is the fallback.
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
const CHROMIUM =
	process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function chromiumLaunchOptions(): LaunchOptions {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium-headless-shell).`
		);
	return {
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	};
}

/**
 * The e2e project's shared Chromium (shared-app-setup.ts), for every test file, also those with a server of
 * their own; closing it ends only this file's connection.
 */
export function connectBrowser(): Promise<Browser> {
	return chromium.connect(inject('chromiumWsEndpoint'));
}

/** The bytes of a finished download (read through the browser connection: the file is on its side). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

// The response that delivered the document each page shows now (after any redirects).
const documents = new WeakMap<Page, Response>();

// Respondents' contexts of the running test. Chromium gets slower with every context left open (a new
// page cost twice as much with twenty open), so they are closed when the test ends (close-contexts.ts).
const testContexts = new Set<BrowserContext>();

/**
 * A browser context as a respondent has it: JavaScript off, a Swedish browser unless `options.locale`
 * says otherwise. Remembers each page's document response for `expectRespondentPage`. It is closed when
 * the test that made it ends.
 */
export async function respondentContext(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({ locale: 'sv-SE', ...options, javaScriptEnabled: false });
	testContexts.add(context);
	context.on('close', () => testContexts.delete(context));
	context.on('response', (response) => {
		if (!response.request().isNavigationRequest()) return;
		const frame = response.frame();
		if (frame === frame.page().mainFrame()) documents.set(frame.page(), response);
	});
	return context;
}

/** Closes the respondents' contexts the test made (every e2e file's `afterEach`, see vitest.config.ts). */
export async function closeTestContexts(): Promise<void> {
	for (const context of [...testContexts]) await context.close();
}

/** Runs an action that loads a new document (a click, Enter on a link or button) and waits for its load. */
export async function loads(page: Page, action: () => Promise<unknown>): Promise<void> {
	const loaded = page.waitForEvent('load');
	await action();
	await loaded;
}

/** The HTTP status of the document the page shows (the final one after redirects). */
export function documentStatus(page: Page): number | undefined {
	return documents.get(page)?.status();
}

/**
 * What every respondent page must be: served with a Content-Security-Policy, without a single script
 * (no JavaScript is shipped), and free of WCAG 2.1 A/AA violations.
 */
export async function expectRespondentPage(page: Page): Promise<void> {
	const document = documents.get(page);
	if (!document) throw new Error(`no document response was seen for ${page.url()}`);
	expect(document.url().split('#')[0]).toBe(page.url().split('#')[0]);
	const csp = await document.headerValue('content-security-policy');
	expect(csp, `CSP of ${page.url()}`).toContain("script-src 'self'");
	expect(csp).not.toContain('unsafe-inline');
	const html = await page.content();
	expect(html, `scripts on ${page.url()}`).not.toMatch(/<script\b/i);
	expect(html).not.toContain('modulepreload');
	await expectNoAxeViolations(page);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeHost {
	page: Page;
	/** The origin the page is on; axe-core is loaded into it once per origin. */
	origin: string;
}

// One JavaScript-enabled page per browser runs every check, one at a time (`queue`): loading axe-core's
// 500 kB into a fresh page for each check cost more than the rest of the test.
const axeHosts = new WeakMap<Browser, { host: Promise<AxeHost>; queue: Promise<unknown> }>();

async function axeHost(
	entry: { host: Promise<AxeHost> },
	browser: Browser,
	origin: string
): Promise<AxeHost> {
	const host = await entry.host.catch(() => undefined);
	if (host?.origin === origin) return host;
	const page = host?.page ?? (await (await browser.newContext()).newPage());
	// An empty document of the app's origin (never sent to the server), so that the copies' stylesheets
	// load from the app as they do on the page itself.
	const blank = `${origin}/__axe-host`;
	await page.route(blank, (route) =>
		route.fulfill({
			status: 200,
			contentType: 'text/html; charset=utf-8',
			body: '<!doctype html><title>axe</title>'
		})
	);
	await page.goto(blank);
	await page.evaluate(axeSource);
	return { page, origin };
}

/**
 * Fails with one readable line per WCAG 2.1 A/AA violation axe-core finds on the page. axe-core needs
 * JavaScript, which respondents' contexts have off, so it analyses a copy of the page's document (the
 * DOM as shown, without its scripts) written at the page's address into a JavaScript-enabled page of the
 * same browser, with the app's own stylesheets and the page's viewport.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const url = page.url();
	const html = (await page.content())
		.replace(/<script\b[\s\S]*?<\/script>/gi, '')
		.replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('the page does not belong to a launched browser');
	let entry = axeHosts.get(browser);
	if (!entry) {
		entry = { host: Promise.reject(new Error('no page yet')), queue: Promise.resolve() };
		entry.host.catch(() => undefined);
		axeHosts.set(browser, entry);
	}
	const current = entry;
	const run = current.queue.then(async () => {
		current.host = axeHost(current, browser, new URL(url).origin);
		const { page: host } = await current.host;
		const viewport = page.viewportSize();
		if (viewport) await host.setViewportSize(viewport);
		return host.evaluate(
			async ({ url, html, tags }) => {
				history.replaceState(null, '', url);
				document.open();
				document.write(html);
				document.close();
				const sheets = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
				await Promise.all(
					sheets.map((link) =>
						link.sheet
							? undefined
							: new Promise((done) => {
									link.addEventListener('load', done);
									link.addEventListener('error', done);
								})
					)
				);
				// Only the violations are wanted: passes and the rest are kept to one node each, and only the
				// violations cross back to the test (a designer page's passes were megabytes of JSON).
				const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
					runOnly: { type: 'tag', values: tags },
					resultTypes: ['violations']
				});
				return { violations };
			},
			{ url, html, tags: WCAG_TAGS }
		);
	});
	current.queue = run.catch(() => undefined);
	const { violations } = await run;
	if (violations.length === 0) return;
	const lines = violations.flatMap((v) => [
		`${v.id} (${v.impact ?? 'unknown'}): ${v.help} – ${v.helpUrl}`,
		...v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`)
	]);
	throw new Error(`axe-core found accessibility violations on ${url}:\n${lines.join('\n')}`);
}

export interface FocusedElement {
	tag: string;
	id: string;
	text: string;
	value: string | null;
	checked: boolean | null;
	outlineStyle: string;
	outlineWidth: string;
}

/** The element that has keyboard focus, or null when nothing (the page itself) has it. */
export function focused(page: Page): Promise<FocusedElement | null> {
	// A synchronous evaluation: with JavaScript off, the page runs no timers or promise callbacks.
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		return {
			tag: el.tagName.toLowerCase(),
			id: el.id,
			text: (el.textContent ?? '').trim(),
			value: el.getAttribute('value'),
			checked: el instanceof HTMLInputElement ? el.checked : null,
			outlineStyle: style.outlineStyle,
			outlineWidth: style.outlineWidth
		};
	});
}

/** Asserts that the focused element matches `expected` and that its focus is visible (an outline). */
export async function expectFocus(page: Page, expected: Partial<FocusedElement>): Promise<void> {
	const element = await focused(page);
	expect(element).toMatchObject(expected);
	expect(element?.outlineStyle, 'focus outline').not.toBe('none');
	expect(element?.outlineWidth).not.toBe('0px');
}
