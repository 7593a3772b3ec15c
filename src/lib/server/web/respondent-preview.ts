import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { encodePreviewAnswers } from '../../core/respondent/preview-answers.ts';

// The addresses of the respondent preview (/admin/questionnaires/<code>/preview/…): the questionnaire's
// language as `sprak`, the answers so far as `svar` (see preview-answers.ts). Only the questionnaire's
// texts and the respondent pages' own words change language; the staff pages keep theirs.

/**
 * The language a preview shows the questionnaire's texts in: `sprak=en` for English, another of the
 * questionnaire's languages by its code, Swedish otherwise. The respondent pages' own words follow in
 * Swedish or English (uiLocale).
 */
export function previewLang(url: URL, languages: readonly string[]): string {
	const asked = url.searchParams.get('sprak') ?? 'sv';
	return asked === 'en' || languages.includes(asked) ? asked : 'sv';
}

/** The address of a preview page: the start (no page), a page by code, or the review at the end. */
export function previewHref(
	code: string,
	page: { section: string } | 'start' | 'review',
	lang: string,
	answers: TAnswerMap = {}
): string {
	const base = `/admin/questionnaires/${encodeURIComponent(code)}/preview`;
	const path =
		page === 'start'
			? base
			: page === 'review'
				? `${base}/granska`
				: `${base}/sida/${encodeURIComponent(page.section)}`;
	const query = new URLSearchParams({ sprak: lang });
	if (Object.keys(answers).length > 0) query.set('svar', encodePreviewAnswers(answers));
	return `${path}?${query}`;
}

/** Where a preview leads back to: the designer for a draft, else the questionnaires. */
export function previewBackHref(code: string, source: 'draft' | 'published'): string {
	return source === 'draft'
		? `/admin/questionnaires/${encodeURIComponent(code)}/draft`
		: '/admin/questionnaires';
}
