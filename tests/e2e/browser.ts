import AxeBuilder from '@axe-core/playwright';
import {
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	chromium,
	type Page
} from 'playwright-core';

/** Debian's Chromium, headless, with nothing that reaches the network on its own. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
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
	});
}

/** A browser context as a respondent without JavaScript has it; Swedish unless `locale` says otherwise. */
export function respondentContext(
	browser: Browser,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	return browser.newContext({ locale: 'sv-SE', ...options, javaScriptEnabled: false });
}

/** Fails with one readable line per WCAG 2.1 A/AA violation axe-core finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	if (results.violations.length === 0) return;
	const lines = results.violations.flatMap((v) => [
		`${v.id} (${v.impact ?? 'unknown'}): ${v.help} – ${v.helpUrl}`,
		...v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`)
	]);
	throw new Error(`axe-core found accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}

/** The element that has keyboard focus, described for assertions (tag, id, name, value, outline). */
export function focused(page: Page): Promise<{
	tag: string;
	id: string;
	name: string | null;
	value: string | null;
	outlineStyle: string;
	outlineWidth: string;
} | null> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		return {
			tag: el.tagName.toLowerCase(),
			id: el.id,
			name: el.getAttribute('name'),
			value: el.getAttribute('value'),
			outlineStyle: style.outlineStyle,
			outlineWidth: style.outlineWidth
		};
	});
}
