import { fail, redirect } from '@sveltejs/kit';
import { uiLocale } from '#lib/core/questionnaire/text.ts';
import { pageStep, pageView } from '#lib/core/respondent/page-step.ts';
import { decodePreviewAnswers, encodePreviewAnswers } from '#lib/core/respondent/preview-answers.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { getPreviewQuestionnaire } from '#lib/server/questionnaires/get-preview-questionnaire.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { previewHref, previewLang } from '#lib/server/web/respondent-preview.ts';
import type { Actions, PageServerLoad } from './$types';

// A page of the respondent preview: the respondent's page for the draft, with the answers so far carried
// in the address and the form (never stored). Conditions, required answers and errors work as for a
// respondent; "save for later" is left out.
const PAGES = 'invite';
const ANSWERS = '_svar';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const { params, url } = event;
	const { definition } = await getPreviewQuestionnaire(db, params.code);
	const lang = previewLang(url, definition.languages);
	const answers = decodePreviewAnswers(url.searchParams.get('svar'), definition);
	const view = pageView(definition, answers, PAGES, params.section, lang);
	// A page the answers so far do not show (or no longer exists): the preview's start.
	if (!view) redirect(303, previewHref(params.code, 'start', lang));
	return {
		code: params.code,
		lang,
		ui: uiLocale(lang),
		view,
		answers: encodePreviewAnswers(answers),
		startHref: previewHref(params.code, 'start', lang)
	};
});

export const actions: Actions = {
	default: formAction({ roles: MANAGERS, body: 'none' }, async ({ db, event }) => {
		const { params, request, url } = event;
		const code = params.code ?? '';
		const { definition } = await getPreviewQuestionnaire(db, code);
		const lang = previewLang(url, definition.languages);
		const ui = uiLocale(lang);
		const form = await readForm(request);
		if (!form.ok) {
			const message =
				form.reason === 'too-large'
					? m.error_form_too_large({}, { locale: ui })
					: m.error_form_invalid({}, { locale: ui });
			return fail(form.status, { formError: message, errors: [], raw: null });
		}
		const carried = form.entries.find(([k]) => k === ANSWERS)?.[1] ?? null;
		const answers = decodePreviewAnswers(carried, definition);
		const step = pageStep({
			questionnaire: definition,
			answers,
			mode: PAGES,
			sectionCode: params.section ?? '',
			form: form.entries,
			lang: ui
		});
		if (!step) redirect(303, previewHref(code, 'start', lang));
		if (!step.ok) return fail(400, { formError: null, errors: step.errors, raw: step.raw });
		redirect(303, previewHref(code, step.target ? { section: step.target } : 'review', lang, step.merged));
	})
};
