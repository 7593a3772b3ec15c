import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { languageName } from '#lib/core/questionnaire/language-name.ts';
import { questionnaireTexts } from '#lib/core/questionnaire/questionnaire-texts.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { editQuestionnaireDraft } from '#lib/server/questionnaires/edit-questionnaire-draft.ts';
import { getQuestionnaireDraft } from '#lib/server/questionnaires/get-questionnaire-draft.ts';
import { DRAFT_FORM, draftRefusal } from '#lib/server/web/draft-edit-action.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { textPlace } from '#lib/server/web/text-place.ts';
import type { Actions, PageServerLoad } from './$types';

// Translating a draft in the browser: each text's Swedish with a box for the language below it, all
// saved in one post (for a few texts, or a language without a translator's tool at hand).
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const { code, lang: target } = event.params;
	const draft = await getQuestionnaireDraft(db, code);
	if (!draft || target === 'sv' || !draft.definition.languages.includes(target))
		error(404, { message: m.not_found_title() });
	const texts = questionnaireTexts(draft.definition);
	const onlyMissing = event.url.searchParams.has('saknas');
	return {
		code,
		lang: target,
		language: languageName(target, lang),
		revision: draft.revision,
		total: texts.length,
		missing: texts.filter(({ text }) => !text[target]).length,
		onlyMissing,
		texts: texts
			.filter(({ text }) => !onlyMissing || !text[target])
			.map((entry) => ({
				id: entry.id,
				where: textPlace(entry),
				sv: entry.text.sv,
				value: entry.text[target] ?? '',
				long: entry.text.sv.length > 80 || entry.text.sv.includes('\n')
			}))
	};
});

export const actions: Actions = {
	default: formAction(
		{ roles: MANAGERS, schema: z.object(DRAFT_FORM), refusal: draftRefusal },
		async ({ user, db, input, form, lang, event }) => {
			const { code = '', lang: target = '' } = event.params;
			// Each text's box is named by the text ("t:question.vision.text"); an emptied box removes it.
			const texts: Record<string, string> = {};
			for (const [name, value] of form.entries) {
				if (!name.startsWith('t:')) continue;
				if (value.length > 2000) {
					const message = m.questionnaire_translate_error_long();
					return fail(400, {
						error: message,
						errors: [{ field: name, message }],
						values: Object.fromEntries(form.entries)
					});
				}
				texts[name.slice(2)] = value;
			}
			await editQuestionnaireDraft(db, {
				code,
				revision: input.revision,
				edit: { target: 'translate', lang: target, texts },
				actor: user.email,
				lang
			});
			const back = event.url.searchParams.has('saknas') ? '?saknas&saved' : '?saved';
			redirect(303, `/admin/questionnaires/${encodeURIComponent(code)}/draft/languages/${target}${back}`);
		}
	)
};
