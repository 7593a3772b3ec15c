import { error } from '@sveltejs/kit';
import { writeTranslationXliff } from '#lib/core/questionnaire/translation-xliff.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { getQuestionnaireDraft } from '#lib/server/questionnaires/get-questionnaire-draft.ts';
import { downloadResponse } from '#lib/server/web/download-response.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

/** The draft's texts as an XLIFF 2.0 file for a translator into one of its languages. */
export const GET: RequestHandler = endpoint({ roles: MANAGERS }, async ({ db, event }) => {
	const { code, lang } = event.params;
	const draft = await getQuestionnaireDraft(db, code);
	if (!draft || lang === 'sv' || !draft.definition.languages.includes(lang))
		error(404, { message: m.not_found_title() });
	return downloadResponse({
		filename: `${code}-${lang}.xlf`,
		contentType: 'application/xliff+xml; charset=utf-8',
		body: writeTranslationXliff(draft.definition, lang)
	});
});
