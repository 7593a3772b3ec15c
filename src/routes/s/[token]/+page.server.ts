import { t, textLanguage } from '#lib/core/questionnaire/text.ts';
import { visibleSections } from '#lib/core/questionnaire/visibility.ts';
import { resumeSection } from '#lib/core/respondent/flow.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { languageChoices, questionnaireLang } from '#lib/server/web/questionnaire-lang.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { PageServerLoad } from './$types';

// Background questions (organisation, role) are asked on an open link's start page, so the pages behind
// a link are those of an invited respondent.
const PAGES = 'invite';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { params, url, cookies } = event;
	const r = await requireRespondent(params.token, lang, cookies);
	const state = r.completed
		? 'done'
		: r.wave.status === 'closed'
			? 'closed'
			: r.wave.status === 'draft'
				? 'not-open'
				: 'ready';
	const textLang = questionnaireLang(event.locals, r.questionnaire);
	const resume = resumeSection(r.questionnaire, r.answers, PAGES, r.response?.currentSection ?? null);
	return {
		state,
		lang,
		titleLang: textLanguage(r.questionnaire.title, textLang),
		descriptionLang: r.questionnaire.description ? textLanguage(r.questionnaire.description, textLang) : lang,
		languages: languageChoices(r.questionnaire, textLang),
		title: t(r.questionnaire.title, textLang),
		description: r.questionnaire.description ? t(r.questionnaire.description, textLang) : null,
		waveName: r.wave.name,
		started: r.response !== null,
		anonymous: r.wave.anonymous,
		// An open-link respondent has no invitation to find the link in again: show it.
		resumeLink: r.mode === 'open' ? `${url.origin}/s/${params.token}` : null,
		pages: visibleSections(r.questionnaire, r.answers, PAGES).length,
		resumeHref: resume ? `/s/${params.token}/sida/${resume.code}` : `/s/${params.token}/granska`
	};
});
