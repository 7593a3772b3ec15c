import { fail, redirect } from '@sveltejs/kit';
import { resumeSection } from '#lib/core/respondent/flow.ts';
import { pageStep, pageView } from '#lib/core/respondent/page-step.ts';
import { m } from '#lib/paraglide/messages.js';
import { saveSection } from '#lib/server/responses/save-section.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { questionnaireLang } from '#lib/server/web/questionnaire-lang.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { Actions, PageServerLoad } from './$types';

// Background questions were asked on the open link's start page: behind a link, pages are as for invitees.
const PAGES = 'invite';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { params, cookies } = event;
	const r = await requireRespondent(params.token, lang, cookies);
	if (r.completed) redirect(303, `/s/${params.token}/tack`);
	if (r.wave.status !== 'open') redirect(303, `/s/${params.token}`);
	const textLang = questionnaireLang(event.locals, r.questionnaire);
	const view = pageView(r.questionnaire, r.answers, PAGES, params.section, textLang);
	if (!view) {
		const resume = resumeSection(r.questionnaire, r.answers, PAGES, r.response?.currentSection ?? null);
		redirect(303, resume ? `/s/${params.token}/sida/${resume.code}` : `/s/${params.token}/granska`);
	}
	return { ...view, lang, textLang };
});

export const actions: Actions = {
	// The page's form is checked against the questionnaire (parseSectionForm), not a zod schema: the
	// handler reads it, to answer an unreadable form with the page's own message.
	default: formAction({ roles: 'public', body: 'none' }, async ({ db, lang, event }) => {
		const { params, request, cookies } = event;
		const token = params.token ?? '';
		const r = await requireRespondent(token, lang, cookies);
		if (r.completed) redirect(303, `/s/${params.token}/tack`);
		const form = await readForm(request);
		if (!form.ok) {
			return fail(form.status, {
				formError: form.reason === 'too-large' ? m.error_form_too_large() : m.error_form_invalid(),
				errors: [],
				raw: null
			});
		}
		const step = pageStep({
			questionnaire: r.questionnaire,
			answers: r.answers,
			mode: PAGES,
			sectionCode: params.section ?? '',
			form: form.entries,
			lang
		});
		if (!step) redirect(303, `/s/${params.token}`);
		if (!step.ok) return fail(400, { formError: null, errors: step.errors, raw: step.raw });
		const section = r.questionnaire.sections.find((s) => s.code === params.section);
		if (!section) redirect(303, `/s/${params.token}`);
		await saveSection(db, {
			respondent: r,
			section,
			answers: step.answers,
			currentSection: step.target ?? section.code,
			lang: lang
		});
		if (step.action === 'save') redirect(303, `/s/${params.token}/sparad`);
		redirect(303, step.target ? `/s/${params.token}/sida/${step.target}` : `/s/${params.token}/granska`);
	})
};
