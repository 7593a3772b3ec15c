import { fail, redirect } from '@sveltejs/kit';
import { answerTo } from '#lib/core/questionnaire/answer.ts';
import { describeAnswer } from '#lib/core/questionnaire/describe-answer.ts';
import { missingRequired } from '#lib/core/questionnaire/missing-required.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { visibleQuestions, visibleSections } from '#lib/core/questionnaire/visibility.ts';
import { submitResponse } from '#lib/server/responses/submit-response.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGES = 'invite';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { params, cookies } = event;
	const r = await requireRespondent(params.token, lang, cookies);
	if (r.completed) redirect(303, `/s/${params.token}/tack`);
	if (r.wave.status !== 'open') redirect(303, `/s/${params.token}`);
	const missing = new Set(missingRequired(r.questionnaire, r.answers, PAGES));
	return {
		questionnaireTitle: t(r.questionnaire.title, lang),
		canSubmit: r.response !== null,
		sections: visibleSections(r.questionnaire, r.answers, PAGES).map((section) => ({
			code: section.code,
			title: t(section.title, lang),
			questions: visibleQuestions(section, r.answers, PAGES)
				.filter((q) => q.type !== 'background')
				.map((q) => ({
					code: q.code,
					text: t(q.text, lang),
					answer: describeAnswer(q, answerTo(r.answers, q.code), lang),
					missing: missing.has(q.code)
				}))
		}))
	};
});

export const actions: Actions = {
	default: formAction(
		{
			roles: 'public',
			body: 'none',
			guard: ({ lang, event }) => requireRespondent(event.params.token ?? '', lang, event.cookies)
		},
		async ({ db, found: r, event }) => {
			const result = await submitResponse(db, r);
			if (result.status === 'incomplete') return fail(400, { missing: result.missing });
			redirect(303, `/s/${event.params.token}/tack`);
		}
	)
};
