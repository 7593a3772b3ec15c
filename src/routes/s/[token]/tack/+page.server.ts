import { redirect } from '@sveltejs/kit';
import { t } from '#lib/core/questionnaire/text.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, cookies }) => {
	const r = await requireRespondent(params.token, locals.lang, cookies);
	if (!r.completed) redirect(303, `/s/${params.token}`);
	return { questionnaireTitle: t(r.questionnaire.title, locals.lang) };
};
