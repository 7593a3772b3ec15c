import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { conditionChoices, type TDraftStructureEdit } from '#lib/core/questionnaire/draft-edit.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { editQuestionnaireDraft } from '#lib/server/questionnaires/edit-questionnaire-draft.ts';
import { getQuestionnaireDraft } from '#lib/server/questionnaires/get-questionnaire-draft.ts';
import { DRAFT_FORM, draftRefusal } from '#lib/server/web/draft-edit-action.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

// When a question of a draft is shown, in two steps as GOV.UK Forms sets a route: first the earlier
// question it depends on (or none: always), then the answers to it that show the question.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const { code, question: questionCode } = event.params;
	const draft = await getQuestionnaireDraft(db, code);
	const question = draft?.definition.sections
		.flatMap((s) => s.questions)
		.find((q) => q.code === questionCode);
	if (!draft || !question) error(404, { message: m.not_found_title() });
	const choices = conditionChoices(draft.definition, questionCode);
	const asked = event.url.searchParams.get('when');
	const when = asked ?? question.showIf?.question ?? '';
	const chosen = choices.find((c) => c.code === when);
	if (asked && !chosen) error(404, { message: m.not_found_title() });
	return {
		code,
		revision: draft.revision,
		question: { code: question.code, text: t(question.text, lang) },
		choices: choices.map((c) => ({ code: c.code, text: t(c.text, lang) })),
		when: chosen?.code ?? '',
		options: (chosen?.options ?? []).map((o) => ({
			code: o.code,
			label: t(o.label, lang),
			checked: question.showIf?.question === chosen?.code && (question.showIf?.in.includes(o.code) ?? false)
		}))
	};
});

export const actions: Actions = {
	default: formAction(
		{
			roles: MANAGERS,
			schema: z.object({ ...DRAFT_FORM, when: z.string().max(100).default('') }),
			refusal: draftRefusal
		},
		async ({ user, db, input, form, lang, event }) => {
			const { code, question } = event.params;
			const options = form.all('options').filter(Boolean);
			if (input.when && options.length === 0) {
				const message = m.questionnaire_condition_error_options();
				return fail(400, { error: message, errors: [{ field: 'options', message }], values: {} });
			}
			const edit: TDraftStructureEdit = {
				target: 'condition',
				question: question ?? '',
				when: input.when ? { question: input.when, options } : null
			};
			await editQuestionnaireDraft(db, {
				code: code ?? '',
				revision: input.revision,
				edit,
				actor: user.email,
				lang
			});
			redirect(303, `/admin/questionnaires/${encodeURIComponent(code ?? '')}/draft?saved#q-${question}`);
		}
	)
};
