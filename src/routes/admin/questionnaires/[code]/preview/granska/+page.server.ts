import { uiLocale } from '#lib/core/questionnaire/text.ts';
import { reviewView } from '#lib/core/respondent/page-step.ts';
import { decodePreviewAnswers } from '#lib/core/respondent/preview-answers.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { getPreviewQuestionnaire } from '#lib/server/questionnaires/get-preview-questionnaire.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { previewBackHref, previewHref, previewLang } from '#lib/server/web/respondent-preview.ts';
import type { PageServerLoad } from './$types';

// The end of the respondent preview: the review page a respondent would see before sending, with each
// page's "change" link carrying the answers; there is nothing to send.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const { params, url } = event;
	const { definition, source } = await getPreviewQuestionnaire(db, params.code);
	const lang = previewLang(url, definition.languages);
	const answers = decodePreviewAnswers(url.searchParams.get('svar'), definition);
	const review = reviewView(definition, answers, 'invite', lang);
	return {
		code: params.code,
		source,
		backHref: previewBackHref(params.code, source),
		lang,
		ui: uiLocale(lang),
		...review,
		sections: review.sections.map((s) => ({
			...s,
			href: previewHref(params.code, { section: s.code }, lang, answers)
		})),
		startHref: previewHref(params.code, 'start', lang)
	};
});
