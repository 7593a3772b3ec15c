import { fail, redirect } from '@sveltejs/kit';
import { reviewView } from '#lib/core/respondent/page-step.ts';
import { submitResponse } from '#lib/server/responses/submit-response.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { questionnaireLang } from '#lib/server/web/questionnaire-lang.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { Actions, PageServerLoad } from './$types';

const PAGES = 'invite';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { params, cookies } = event;
	const r = await requireRespondent(params.token, lang, cookies);
	if (r.completed) redirect(303, `/s/${params.token}/tack`);
	if (r.wave.status !== 'open') redirect(303, `/s/${params.token}`);
	const textLang = questionnaireLang(event.locals, r.questionnaire);
	return {
		...reviewView(r.questionnaire, r.answers, PAGES, textLang),
		canSubmit: r.response !== null,
		lang
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
