import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectRespondentPage, loads } from './browser.ts';

/**
 * Fills the form on the page from name/value pairs as a person would: checks the radio button or checkbox
 * with that value, or types into the text field.
 */
export async function fillFields(page: Page, fields: Array<[string, string]>): Promise<void> {
	for (const [name, value] of fields) {
		const inputs = page.locator(`[name="${name}"]`);
		const type = await inputs.first().getAttribute('type');
		if (type === 'radio' || type === 'checkbox') await inputs.and(page.locator(`[value="${value}"]`)).check();
		else await inputs.fill(value);
	}
}

/** Clicks a button or link by its visible name and waits for the page it leads to. */
export function follow(page: Page, role: 'button' | 'link', name: string): Promise<void> {
	return loads(page, () => page.getByRole(role, { name, exact: true }).click());
}

/** Answers question pages in order from the one shown, checking each page, and moves on from the last. */
export async function answerPages(
	page: Page,
	pages: Array<{ section: string; fields: Array<[string, string]> }>
): Promise<void> {
	for (const { section, fields } of pages) {
		expect(new URL(page.url()).pathname).toMatch(new RegExp(`/sida/${section}$`));
		await expectRespondentPage(page);
		await fillFields(page, fields);
		await loads(page, () => page.locator('button[name="_action"][value="next"]').click());
	}
}

/** The value of the checked radio button of a question, or null. */
export async function checkedValue(page: Page, name: string): Promise<string | null> {
	const checked = page.locator(`input[name="${name}"]:checked`);
	return (await checked.count()) === 0 ? null : checked.getAttribute('value');
}

/** The answer the review page shows for a question, by the question's text. */
export async function reviewAnswer(page: Page, question: string): Promise<string | null> {
	return page
		.locator('dl.review dt', { hasText: question })
		.locator('xpath=following-sibling::dd[1]')
		.textContent();
}
