import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatePages } from '../support/template-answers.ts';
import { type E2eApp, startE2eApp } from './app.ts';
import { expectRespondentPage, respondentContext } from './browser.ts';
import { answerPages, follow } from './respondent.ts';

let app: E2eApp;
beforeAll(async () => {
	app = await startE2eApp([
		{ slug: 'mobil', mode: 'invite', participants: 1 },
		{ slug: 'mobil-lank', mode: 'open' }
	]);
});
afterAll(async () => {
	await app?.close();
});

/** WCAG 1.4.10 (reflow): at 320 CSS pixels nothing may need scrolling sideways. */
async function expectNoSidewaysScrolling(page: Page): Promise<void> {
	const widths = await page.evaluate(() => {
		const viewport = document.documentElement.clientWidth;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
			.map(
				(el) =>
					`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${el.className}` : ''}`
			);
		return { viewport, content: document.documentElement.scrollWidth, wide };
	});
	expect(
		widths.content,
		`content width of ${page.url()} (too wide: ${widths.wide.join(', ')})`
	).toBeLessThanOrEqual(widths.viewport);
}

/**
 * Every radio button and checkbox is at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8), and a scale of up to
 * ten points is one row.
 */
async function expectLargeEnoughTargets(page: Page) {
	const found = await page.evaluate(() => {
		const boxes = [...document.querySelectorAll('input[type=radio], input[type=checkbox]')].map((e) =>
			e.getBoundingClientRect()
		);
		const scales = [...document.querySelectorAll('.scale:not(.long)')].map(
			(scale) =>
				new Set([...scale.querySelectorAll('input')].map((e) => Math.round(e.getBoundingClientRect().top)))
					.size
		);
		return {
			small: boxes.filter((b) => b.width < 24 || b.height < 24).length,
			count: boxes.length,
			rows: scales
		};
	});
	expect(found.small, `targets under 24 × 24 px on ${page.url()}`).toBe(0);
	expect(
		found.rows.every((rows) => rows === 1),
		`a scale in more than one row on ${page.url()}`
	).toBe(true);
}

describe('on a small phone (320 × 568 CSS pixels, touch)', () => {
	it('every respondent page fits the screen width and passes the accessibility checks', async () => {
		const context = await respondentContext(app.browser, {
			viewport: { width: 320, height: 568 },
			deviceScaleFactor: 2,
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		const token = app.token('mobil');
		await page.goto(`${app.url}/s/${token}`);
		await expectRespondentPage(page);
		await expectNoSidewaysScrolling(page);
		await follow(page, 'link', 'Börja svara');

		const pages = templatePages(1);
		for (const [i, step] of pages.entries()) {
			await expectNoSidewaysScrolling(page);
			await expectLargeEnoughTargets(page);
			await answerPages(page, [step]);
			expect(new URL(page.url()).pathname).toBe(
				`/s/${token}/${i + 1 < pages.length ? `sida/${pages[i + 1]?.section}` : 'granska'}`
			);
		}
		await expectRespondentPage(page);
		await expectNoSidewaysScrolling(page);
		await follow(page, 'button', 'Skicka in svaren');
		expect(new URL(page.url()).pathname).toBe(`/s/${token}/tack`);
		await expectRespondentPage(page);
		await expectNoSidewaysScrolling(page);

		await page.goto(`${app.url}/o/mobil-lank`);
		await expectRespondentPage(page);
		await expectNoSidewaysScrolling(page);
		await context.close();
	});
});
