import { nativeLanguageName } from '#lib/core/questionnaire/language-name.ts';
import { t, textLanguage, uiLocale } from '#lib/core/questionnaire/text.ts';
import { visibleSections } from '#lib/core/questionnaire/visibility.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { getPreviewQuestionnaire } from '#lib/server/questionnaires/get-preview-questionnaire.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { previewBackHref, previewHref, previewLang } from '#lib/server/web/respondent-preview.ts';
import type { PageServerLoad } from './$types';

// The start of the respondent preview: the draft (or the newest version) in either language, from its
// first page; nothing a preview does is stored.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const code = event.params.code;
	const { definition, source } = await getPreviewQuestionnaire(db, code);
	const lang = previewLang(event.url, definition.languages);
	const first = visibleSections(definition, {}, 'invite')[0];
	return {
		code,
		source,
		backHref: previewBackHref(code, source),
		version: definition.version,
		lang,
		ui: uiLocale(lang),
		titleLang: textLanguage(definition.title, lang),
		descriptionLang: definition.description ? textLanguage(definition.description, lang) : lang,
		title: t(definition.title, lang),
		description: definition.description ? t(definition.description, lang) : null,
		pages: definition.sections.length,
		startHref: first ? previewHref(code, { section: first.code }, lang) : previewHref(code, 'review', lang),
		languages: [...new Set(['sv', 'en', ...definition.languages])].map((l) => ({
			lang: l,
			name: nativeLanguageName(l),
			href: previewHref(code, 'start', l),
			current: l === lang
		}))
	};
});
