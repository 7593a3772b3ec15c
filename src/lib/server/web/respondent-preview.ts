import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { encodePreviewAnswers } from '../../core/respondent/preview-answers.ts';
import type { TLang } from './form-input.ts';

// The addresses of the respondent preview (/admin/questionnaires/<code>/preview/…): the questionnaire's
// language as `sprak`, the answers so far as `svar` (see preview-answers.ts). Only the questionnaire's
// texts and the respondent pages' own words change language; the staff pages keep theirs.

/** The language a preview shows: `sprak=en` for English, Swedish otherwise. */
export function previewLang(url: URL): TLang {
	return url.searchParams.get('sprak') === 'en' ? 'en' : 'sv';
}

/** The address of a preview page: the start (no page), a page by code, or the review at the end. */
export function previewHref(
	code: string,
	page: { section: string } | 'start' | 'review',
	lang: TLang,
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
