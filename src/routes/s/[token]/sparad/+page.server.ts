import { t } from '#lib/core/questionnaire/text.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, cookies }) => {
	const r = await requireRespondent(params.token, locals.lang, cookies);
	return {
		questionnaireTitle: t(r.questionnaire.title, locals.lang),
		link: `${url.origin}/s/${params.token}`
	};
};
