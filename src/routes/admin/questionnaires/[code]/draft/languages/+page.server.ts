import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { LANGUAGE_PATTERN } from '#lib/core/questionnaire/definition.ts';
import { languageName } from '#lib/core/questionnaire/language-name.ts';
import { translationProgress } from '#lib/core/questionnaire/untranslated.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { editQuestionnaireDraft } from '#lib/server/questionnaires/edit-questionnaire-draft.ts';
import { getQuestionnaireDraft } from '#lib/server/questionnaires/get-questionnaire-draft.ts';
import { importDraftTranslations } from '#lib/server/questionnaires/import-draft-translations.ts';
import { DRAFT_FORM, draftRefusal } from '#lib/server/web/draft-edit-action.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import type { TLang } from '#lib/server/web/form-input.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// The languages a draft is offered in: how far each is translated, a language added or withdrawn, and
// the translator's round trip (an XLIFF file out, the translated file back in).
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const code = event.params.code;
	const draft = await getQuestionnaireDraft(db, code);
	if (!draft) error(404, { message: m.not_found_title() });
	const progress = translationProgress(draft.definition);
	return {
		code,
		revision: draft.revision,
		limit: formatLimit(UPLOAD_LIMITS.translation),
		languages: [
			{ code: 'sv', name: languageName('sv', lang), translated: null, total: null },
			...progress.map((p) => ({ code: p.lang, name: languageName(p.lang, lang), ...p }))
		]
	};
});

const ZLanguageForm = (lang: TLang) =>
	z.object({
		...DRAFT_FORM,
		lang: z
			.string()
			.trim()
			.toLowerCase()
			.regex(LANGUAGE_PATTERN, m.questionnaire_languages_error_code({}, { locale: lang }))
	});

/** Adding or withdrawing a language: one save over the revision the page showed, then the page again. */
const languageAction = (target: 'add-language' | 'remove-language'): Actions[string] =>
	formAction(
		{ roles: MANAGERS, schema: ZLanguageForm, refusal: draftRefusal, context: { form: target as string } },
		async ({ user, db, input, lang, event }) => {
			const code = event.params.code ?? '';
			await editQuestionnaireDraft(db, {
				code,
				revision: input.revision,
				edit: { target, lang: input.lang },
				actor: user.email,
				lang
			});
			redirect(303, `/admin/questionnaires/${encodeURIComponent(code)}/draft/languages?saved`);
		}
	);

export const actions: Actions = {
	add: languageAction('add-language'),
	remove: languageAction('remove-language'),
	import: formAction(
		{
			roles: MANAGERS,
			body: 'none',
			context: { form: 'import' },
			refusal: (e) => {
				const shown = draftRefusal(e);
				return shown && { ...shown, field: 'file' };
			}
		},
		async ({ user, db, lang, event }) => {
			const code = event.params.code ?? '';
			const posted = await readUpload(event.request, 'file', UPLOAD_LIMITS.translation);
			const limit = formatLimit(UPLOAD_LIMITS.translation);
			if (!posted.ok) {
				const tooLarge = posted.reason === 'too-large';
				const message = tooLarge
					? m.questionnaire_languages_error_too_large({ limit })
					: m.error_form_invalid();
				return fail(tooLarge ? 413 : 400, {
					form: 'import',
					error: message,
					errors: [{ field: 'file', message }]
				});
			}
			const fileMissing = (message: string) =>
				fail(400, { form: 'import', error: message, errors: [{ field: 'file', message }] });
			if (!posted.file) return fileMissing(m.questionnaire_languages_error_file_required());
			let xml: string;
			try {
				xml = new TextDecoder('utf-8', { fatal: true }).decode(posted.file.bytes);
			} catch {
				return fileMissing(m.questionnaire_languages_error_encoding());
			}
			const result = await importDraftTranslations(db, { code, xml, actor: user.email, lang });
			return {
				imported: {
					done: m.questionnaire_languages_imported({
						count: result.translated,
						language: languageName(result.lang, lang)
					}),
					notes: [
						result.unknown.length
							? m.questionnaire_languages_unknown({ ids: result.unknown.join(', ') })
							: '',
						result.sourceChanged.length
							? m.questionnaire_languages_source_changed({ ids: result.sourceChanged.join(', ') })
							: '',
						result.withMarkup.length
							? m.questionnaire_languages_markup({ ids: result.withMarkup.join(', ') })
							: ''
					].filter(Boolean)
				}
			};
		}
	)
};
