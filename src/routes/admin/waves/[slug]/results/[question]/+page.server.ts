import { fail, redirect } from '@sveltejs/kit';
import { t } from '#lib/core/questionnaire/text.ts';
import { ALL_ROLES, hasRole, MANAGERS } from '#lib/core/roles/role-sets.ts';
import { formatNumber } from '#lib/core/statistics/format-number.ts';
import { m } from '#lib/paraglide/messages.js';
import type { TSessionUser } from '#lib/server/auth/roles.ts';
import { barChart } from '#lib/server/charts/bar-chart.ts';
import type { TDb } from '#lib/server/db/client.ts';
import { getOrganisationName } from '#lib/server/organisations/get-organisation-name.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
import { orHidden } from '#lib/server/results/or-hidden.ts';
import { acceptThemeSuggestion } from '#lib/server/themes/accept-theme-suggestion.ts';
import { countQuestionThemes } from '#lib/server/themes/count-question-themes.ts';
import { createTheme } from '#lib/server/themes/create-theme.ts';
import { deleteTheme } from '#lib/server/themes/delete-theme.ts';
import { findTextQuestion } from '#lib/server/themes/find-text-question.ts';
import { listQuestionAnswers } from '#lib/server/themes/list-question-answers.ts';
import { mergeThemes } from '#lib/server/themes/merge-themes.ts';
import { renameTheme } from '#lib/server/themes/rename-theme.ts';
import { setAnswerMarks } from '#lib/server/themes/set-answer-marks.ts';
import { suggestQuestionThemes } from '#lib/server/themes/suggest-question-themes.ts';
import { tagAnswer } from '#lib/server/themes/tag-answer.ts';
import { ZThemeLabel } from '#lib/server/themes/theme-input.ts';
import { untagAnswer } from '#lib/server/themes/untag-answer.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import type { TFormFields } from '#lib/server/web/form-input.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { Actions, PageServerLoad } from './$types';

type TLang = 'sv' | 'en';

/**
 * What an organisation contact or a viewer sees: the answers the analyst has released, of a selection
 * the small-group rule shows (a contact: their own unit with the units below it); never the others,
 * nor themes or marks. Reading every answer is for administrators and analysts, who can also export them.
 */
async function releasedView(db: TDb, user: TSessionUser, slug: string, code: string, url: URL, lang: TLang) {
	const { wave, question } = await findTextQuestion(db, { waveSlug: slug, questionCode: code });
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const results = await orHidden(
		getResultsForUser(db, user, {
			slug: wave.slug,
			organisation: scope.organisation,
			roleGroup: scope.roleGroup,
			includePartial: scope.includePartial,
			lang
		})
	);
	const unit = scope.organisationId ? await getOrganisationName(db, scope.organisationId) : null;
	const own = results?.questions.find((q) => q.code === question.code);
	return {
		view: 'released' as const,
		own: user.role === 'contact',
		wave: { name: wave.name, slug: wave.slug },
		question: { code: question.code, text: t(question.text, lang) },
		k: wave.minGroupSize,
		organisation: unit ?? '',
		hidden: results === null || own?.suppressed === true,
		n: formatNumber(own?.n ?? 0, lang, 0),
		released: own?.released ?? []
	};
}

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const { params, url } = event;
	if (!hasRole(user.role, MANAGERS)) {
		return releasedView(db, user, params.slug, params.question, url, lang);
	}
	// Clustering costs about a second per thousand answers: run it when asked, not on every visit.
	const suggest = url.searchParams.has('suggest');
	const ref = { waveSlug: params.slug, questionCode: params.question };
	const { wave, question } = await findTextQuestion(db, ref);
	const [answers, counts, suggestions] = await Promise.all([
		listQuestionAnswers(db, ref),
		countQuestionThemes(db, ref),
		suggest ? suggestQuestionThemes(db, ref) : Promise.resolve([])
	]);
	const chart =
		counts.themes.length === 0
			? null
			: barChart({
					lang,
					measure: 'count',
					n: counts.n,
					categoryLabel: m.themes_theme_column(),
					bars: counts.themes.map((theme) => ({ label: theme.label, count: theme.count }))
				});
	return {
		view: 'staff' as const,
		wave: { name: wave.name, slug: wave.slug },
		question: { code: question.code, text: t(question.text, lang) },
		suggest,
		saved: url.searchParams.has('saved'),
		answers,
		counts,
		chart,
		suggestions
	};
});

/** The label's own message, or null when it is valid. */
function labelError(label: string): string | null {
	const parsed = ZThemeLabel.safeParse(label);
	if (parsed.success) return null;
	return parsed.error.issues[0]?.code === 'too_big'
		? m.themes_error_label_too_long()
		: m.themes_error_label_required();
}

const invalid = (field: string, message: string, values: Record<string, string> = {}) =>
	fail(400, { error: message, errors: [{ field, message }], values });

/** Back to the page (Post/Redirect/Get), keeping the suggestions open when they were. */
const saved = (event: { url: URL }): never =>
	redirect(303, `${event.url.pathname}?saved${event.url.searchParams.has('suggest') ? '&suggest' : ''}`);

/**
 * An editor's action on the themes of a question; viewers and contacts get 403 before anything is read.
 * `field` names the form the message goes beside; a service's refusal is shown there too.
 */
function themeAction(
	field: (form: TFormFields) => string,
	run: (context: {
		db: TDb;
		ref: { waveSlug: string; questionCode: string; actor: string };
		form: TFormFields;
		field: string;
	}) => Promise<ReturnType<typeof invalid> | undefined>
) {
	return formAction(
		{
			roles: MANAGERS,
			refusal: (e, { form }) => {
				const label = form.one('label').trim();
				const message =
					e.code === 'CONFLICT'
						? m.themes_error_duplicate({ label })
						: e.code === 'NOT_FOUND'
							? m.themes_error_not_found()
							: m.error_form_invalid();
				const at = field(form);
				// The label typed stays in its field.
				return { field: at, message, values: form.all('label').length ? { [at]: form.one('label') } : {} };
			}
		},
		async ({ user, db, form, event }) => {
			const ref = {
				waveSlug: event.params.slug ?? '',
				questionCode: event.params.question ?? '',
				actor: user.email
			};
			const failed = await run({ db, ref, form, field: field(form) });
			return failed ?? saved(event);
		}
	);
}

/** A theme's label from the form, or the failure that shows its problem beside the field. */
function checkedLabel(form: TFormFields, field: string) {
	const label = form.one('label');
	const problem = labelError(label);
	return problem ? { failure: invalid(field, problem, { [field]: label }) } : { label };
}

export const actions: Actions = {
	create: themeAction(
		() => 'f-create',
		async ({ db, ref, form, field }) => {
			const checked = checkedLabel(form, field);
			if (checked.failure) return checked.failure;
			await createTheme(db, { ...ref, label: checked.label });
		}
	),
	rename: themeAction(
		(form) => `f-rename-${form.one('themeId')}`,
		async ({ db, ref, form, field }) => {
			const checked = checkedLabel(form, field);
			if (checked.failure) return checked.failure;
			await renameTheme(db, { ...ref, themeId: form.one('themeId'), label: checked.label });
		}
	),
	merge: themeAction(
		(form) => `f-merge-${form.one('themeId')}`,
		async ({ db, ref, form, field }) => {
			const sourceId = form.one('themeId');
			const targetId = form.one('targetId');
			if (!targetId) return invalid(field, m.themes_error_choose_theme());
			if (targetId === sourceId) return invalid(field, m.themes_error_merge_same());
			await mergeThemes(db, { ...ref, sourceId, targetId });
		}
	),
	delete: themeAction(
		() => '',
		async ({ db, ref, form }) => {
			await deleteTheme(db, { ...ref, themeId: form.one('themeId') });
		}
	),
	tag: themeAction(
		(form) => `f-tag-${form.one('responseId')}`,
		async ({ db, ref, form, field }) => {
			const themeId = form.one('themeId');
			if (!themeId) return invalid(field, m.themes_error_choose_theme());
			await tagAnswer(db, { ...ref, responseId: form.one('responseId'), themeId });
		}
	),
	untag: themeAction(
		() => '',
		async ({ db, ref, form }) => {
			await untagAnswer(db, { ...ref, responseId: form.one('responseId'), themeId: form.one('themeId') });
		}
	),
	marks: themeAction(
		(form) => `f-quotable-${form.one('responseId')}`,
		async ({ db, ref, form }) => {
			await setAnswerMarks(db, {
				...ref,
				responseId: form.one('responseId'),
				quotable: form.all('quotable').length > 0,
				released: form.all('released').length > 0
			});
		}
	),
	accept: themeAction(
		(form) => `f-accept-${form.all('responseId')[0] ?? ''}`,
		async ({ db, ref, form, field }) => {
			const checked = checkedLabel(form, field);
			if (checked.failure) return checked.failure;
			await acceptThemeSuggestion(db, { ...ref, label: checked.label, responseIds: form.all('responseId') });
		}
	)
};
