import { redirect } from '@sveltejs/kit';
import { t } from '#lib/core/questionnaire/text.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { questionnaireLang } from '#lib/server/web/questionnaire-lang.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { params, cookies } = event;
	const r = await requireRespondent(params.token, lang, cookies);
	if (!r.completed) redirect(303, `/s/${params.token}`);
	return { questionnaireTitle: t(r.questionnaire.title, questionnaireLang(event.locals, r.questionnaire)) };
});
