import { fail, redirect } from '@sveltejs/kit';
import { answerTo } from '#lib/core/questionnaire/answer.ts';
import { describeAnswer } from '#lib/core/questionnaire/describe-answer.ts';
import { missingRequired } from '#lib/core/questionnaire/missing-required.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { visibleQuestions, visibleSections } from '#lib/core/questionnaire/visibility.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { submitResponse } from '#lib/server/responses/submit-response.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGES = 'invite';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
	const r = await requireRespondent(params.token, locals.lang, cookies);
	if (r.completed) redirect(303, `/s/${params.token}/tack`);
	if (r.wave.status !== 'open') redirect(303, `/s/${params.token}`);
	const lang = locals.lang;
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
};

export const actions: Actions = {
	default: async ({ params, locals, cookies }) => {
		const r = await requireRespondent(params.token, locals.lang, cookies);
		const { db } = await getDatabase();
		const result = await submitResponse(db, r);
		if (result.status === 'incomplete') return fail(400, { missing: result.missing });
		redirect(303, `/s/${params.token}/tack`);
	}
};
