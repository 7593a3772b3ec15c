import { fail, redirect } from '@sveltejs/kit';
import { answerTo, type TAnswerMap } from '#lib/core/questionnaire/answer.ts';
import { answerToFormValues } from '#lib/core/questionnaire/answer-form-values.ts';
import { parseSectionForm } from '#lib/core/questionnaire/parse-section-form.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { visibleQuestions } from '#lib/core/questionnaire/visibility.ts';
import { locate, resumeSection, sectionAfter } from '#lib/core/respondent/flow.ts';
import { m } from '#lib/paraglide/messages.js';
import { saveSection } from '#lib/server/responses/save-section.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
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
	const position = locate(r.questionnaire, r.answers, PAGES, params.section);
	if (!position) {
		const resume = resumeSection(r.questionnaire, r.answers, PAGES, r.response?.currentSection ?? null);
		redirect(303, resume ? `/s/${params.token}/sida/${resume.code}` : `/s/${params.token}/granska`);
	}
	const { section, index, sections } = position;
	// Conditions refer to earlier pages, so the answers so far decide which follow-up questions show.
	const questions = visibleQuestions(section, r.answers, PAGES).filter((q) => q.type !== 'background');
	return {
		questionnaireTitle: t(r.questionnaire.title, lang),
		title: t(section.title, lang),
		intro: section.intro ? t(section.intro, lang) : null,
		questions,
		saved: Object.fromEntries(
			questions.map((q) => [q.code, answerToFormValues(answerTo(r.answers, q.code))])
		),
		index: index + 1,
		total: sections.length,
		hasPrevious: index > 0,
		isLast: index === sections.length - 1
	};
});

export const actions: Actions = {
	// The page's form is checked against the questionnaire (parseSectionForm), not a zod schema: the
	// handler reads it, to answer an unreadable form with the page's own message.
	default: formAction({ roles: 'public', body: 'none' }, async ({ db, lang, event }) => {
		const { params, request, cookies } = event;
		const token = params.token ?? '';
		const r = await requireRespondent(token, lang, cookies);
		if (r.completed) redirect(303, `/s/${params.token}/tack`);
		const position = locate(r.questionnaire, r.answers, PAGES, params.section ?? '');
		if (!position) redirect(303, `/s/${params.token}`);
		const form = await readForm(request);
		if (!form.ok) {
			return fail(form.status, {
				formError: form.reason === 'too-large' ? m.error_form_too_large() : m.error_form_invalid(),
				errors: [],
				raw: null
			});
		}
		const action = form.entries.find(([k]) => k === '_action')?.[1] ?? 'next';
		const { section } = position;
		const parsed = parseSectionForm({
			questionnaire: r.questionnaire,
			section,
			form: form.entries,
			previous: r.answers,
			mode: PAGES,
			lang: lang
		});
		// Going back or saving for later keeps whatever is valid; only moving on needs required answers.
		const blocking =
			action === 'next'
				? parsed.errors
				: parsed.errors.filter((e) => !isMissing(section, e.question, parsed.raw));
		if (blocking.length > 0) {
			return fail(400, { formError: null, errors: blocking, raw: parsed.raw });
		}
		const merged: TAnswerMap = {
			...withoutSection(
				r.answers,
				section.questions.map((q) => q.code)
			),
			...parsed.answers
		};
		const next = sectionAfter(r.questionnaire, merged, PAGES, section.code);
		const target =
			action === 'back'
				? (position.previous?.code ?? section.code)
				: action === 'save'
					? section.code
					: next?.code;
		await saveSection(db, {
			respondent: r,
			section,
			answers: parsed.answers,
			currentSection: target ?? section.code,
			lang: lang
		});
		if (action === 'save') redirect(303, `/s/${params.token}/sparad`);
		redirect(303, target ? `/s/${params.token}/sida/${target}` : `/s/${params.token}/granska`);
	})
};

function withoutSection(answers: TAnswerMap, codes: string[]): TAnswerMap {
	return Object.fromEntries(Object.entries(answers).filter(([code]) => !codes.includes(code)));
}

function isMissing(
	section: { questions: { code: string; required: boolean }[] },
	code: string,
	raw: Record<string, string[]>
): boolean {
	const q = section.questions.find((x) => x.code === code);
	return (
		Boolean(q?.required) &&
		Object.entries(raw).every(([k, v]) => !k.startsWith(`q.${code}`) || v.every((s) => !s.trim()))
	);
}
