import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { t } from '#lib/core/questionnaire/text.ts';
import { formatNumber } from '#lib/core/statistics/format-number.ts';
import { m } from '#lib/paraglide/messages.js';
import { errorStatus, isAppError } from '#lib/server/app-error.ts';
import { ROLES, type TSessionUser } from '#lib/server/auth/roles.ts';
import { barChart } from '#lib/server/charts/bar-chart.ts';
import type { TDb } from '#lib/server/db/client.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { organisations } from '#lib/server/db/schema.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
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
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type TLang = 'sv' | 'en';

const EDITORS = ['admin', 'analyst'] as const;

/**
 * What an organisation contact or a viewer sees: the answers the analyst has released, of a selection
 * the small-group rule shows (a contact: their own unit with the units below it); never the others,
 * nor themes or marks. Reading every answer is for administrators and analysts, who can also export them.
 */
async function releasedView(db: TDb, user: TSessionUser, slug: string, code: string, url: URL, lang: TLang) {
	const { wave, question } = await findTextQuestion(db, { waveSlug: slug, questionCode: code });
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const results = await getResultsForUser(db, user, {
		slug: wave.slug,
		organisation: scope.organisation,
		roleGroup: scope.roleGroup,
		includePartial: scope.includePartial,
		lang
	}).catch((e: unknown) => {
		if (isAppError(e) && e.code === 'SMALL_GROUP') return null;
		throw e;
	});
	const [unit] = scope.organisationId
		? await db
				.select({ name: organisations.name })
				.from(organisations)
				.where(eq(organisations.id, scope.organisationId))
		: [];
	const own = results?.questions.find((q) => q.code === question.code);
	return {
		view: 'released' as const,
		own: user.role === 'contact',
		wave: { name: wave.name, slug: wave.slug },
		question: { code: question.code, text: t(question.text, lang) },
		k: wave.minGroupSize,
		organisation: unit?.name ?? '',
		hidden: results === null || own?.suppressed === true,
		n: formatNumber(own?.n ?? 0, lang, 0),
		released: own?.released ?? []
	};
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireRole(locals, ROLES);
	const lang = locals.lang ?? 'sv';
	const { db } = await getDatabase();
	if (!(EDITORS as readonly string[]).includes(user.role)) {
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
};

type TFailure = { errors: Array<{ field: string; message: string }>; values: Record<string, string> };

/** Reads the posted form of a signed-in editor; viewers and contacts get 403 before anything is read. */
async function editorForm(event: RequestEvent) {
	const user = requireRole(event.locals, EDITORS);
	const form = await readForm(event.request);
	const ref = { waveSlug: event.params.slug, questionCode: event.params.question, actor: user.email };
	if (!form.ok) return { ref, form: null };
	const all = (name: string) => form.entries.filter(([key]) => key === name).map(([, value]) => value);
	const one = (name: string) => all(name)[0] ?? '';
	return { ref, form: { one, all } };
}

const invalid = (status: number, field: string, message: string, values: Record<string, string> = {}) =>
	fail(status, { errors: [{ field, message }], values } satisfies TFailure);

/** The label's own message, or null when it is valid. */
function labelError(label: string): string | null {
	const parsed = ZThemeLabel.safeParse(label);
	if (parsed.success) return null;
	return parsed.error.issues[0]?.code === 'too_big'
		? m.themes_error_label_too_long()
		: m.themes_error_label_required();
}

/** Turns a service's refusal into a message beside the field it concerns. */
function refusal(error: unknown, field: string, label = '', values: Record<string, string> = {}) {
	if (!isAppError(error)) throw error;
	const message =
		error.code === 'CONFLICT'
			? m.themes_error_duplicate({ label })
			: error.code === 'NOT_FOUND'
				? m.themes_error_not_found()
				: m.error_form_invalid();
	return invalid(errorStatus[error.code], field, message, values);
}

/** Back to the page (Post/Redirect/Get), keeping the suggestions open when they were. */
const saved = (event: RequestEvent): never =>
	redirect(303, `${event.url.pathname}?saved${event.url.searchParams.has('suggest') ? '&suggest' : ''}`);

export const actions: Actions = {
	create: async (event) => {
		const { ref, form } = await editorForm(event);
		const field = 'f-create';
		if (!form) return invalid(400, field, m.error_form_invalid());
		const label = form.one('label');
		const problem = labelError(label);
		if (problem) return invalid(400, field, problem, { [field]: label });
		try {
			await createTheme((await getDatabase()).db, { ...ref, label });
		} catch (error) {
			return refusal(error, field, label.trim(), { [field]: label });
		}
		return saved(event);
	},
	rename: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		const themeId = form.one('themeId');
		const field = `f-rename-${themeId}`;
		const label = form.one('label');
		const problem = labelError(label);
		if (problem) return invalid(400, field, problem, { [field]: label });
		try {
			await renameTheme((await getDatabase()).db, { ...ref, themeId, label });
		} catch (error) {
			return refusal(error, field, label.trim(), { [field]: label });
		}
		return saved(event);
	},
	merge: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		const sourceId = form.one('themeId');
		const targetId = form.one('targetId');
		const field = `f-merge-${sourceId}`;
		if (!targetId) return invalid(400, field, m.themes_error_choose_theme());
		if (targetId === sourceId) return invalid(400, field, m.themes_error_merge_same());
		try {
			await mergeThemes((await getDatabase()).db, { ...ref, sourceId, targetId });
		} catch (error) {
			return refusal(error, field);
		}
		return saved(event);
	},
	delete: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		try {
			await deleteTheme((await getDatabase()).db, { ...ref, themeId: form.one('themeId') });
		} catch (error) {
			return refusal(error, '');
		}
		return saved(event);
	},
	tag: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		const responseId = form.one('responseId');
		const themeId = form.one('themeId');
		const field = `f-tag-${responseId}`;
		if (!themeId) return invalid(400, field, m.themes_error_choose_theme());
		try {
			await tagAnswer((await getDatabase()).db, { ...ref, responseId, themeId });
		} catch (error) {
			return refusal(error, field);
		}
		return saved(event);
	},
	untag: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		try {
			await untagAnswer((await getDatabase()).db, {
				...ref,
				responseId: form.one('responseId'),
				themeId: form.one('themeId')
			});
		} catch (error) {
			return refusal(error, '');
		}
		return saved(event);
	},
	marks: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		const responseId = form.one('responseId');
		try {
			await setAnswerMarks((await getDatabase()).db, {
				...ref,
				responseId,
				quotable: form.all('quotable').length > 0,
				released: form.all('released').length > 0
			});
		} catch (error) {
			return refusal(error, `f-quotable-${responseId}`);
		}
		return saved(event);
	},
	accept: async (event) => {
		const { ref, form } = await editorForm(event);
		if (!form) return invalid(400, '', m.error_form_invalid());
		const responseIds = form.all('responseId');
		const field = `f-accept-${responseIds[0] ?? ''}`;
		const label = form.one('label');
		const problem = labelError(label);
		if (problem) return invalid(400, field, problem, { [field]: label });
		try {
			await acceptThemeSuggestion((await getDatabase()).db, { ...ref, label, responseIds });
		} catch (error) {
			return refusal(error, field, label.trim(), { [field]: label });
		}
		return saved(event);
	}
};
