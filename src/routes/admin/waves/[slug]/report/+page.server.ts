import { fail, redirect } from '@sveltejs/kit';
import { t } from '#lib/core/questionnaire/text.ts';
import { m } from '#lib/paraglide/messages.js';
import { errorStatus, isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { getReportDraft } from '#lib/server/report/get-report-draft.ts';
import { listReportVersions } from '#lib/server/report/list-report-versions.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { publishReport } from '#lib/server/report/publish-report.ts';
import { saveReportDraft } from '#lib/server/report/save-report-draft.ts';
import { listQuestionAnswers } from '#lib/server/themes/list-question-answers.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { definitionFromForm } from '#lib/server/web/report-form.ts';
import { REPORT_EDITORS } from '#lib/server/web/report-roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireRole(locals, REPORT_EDITORS);
	const lang = locals.lang ?? 'sv';
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	const [draft, questionnaire, versions, organisations] = await Promise.all([
		getReportDraft(db, wave.slug, lang),
		getQuestionnaireVersion(db, wave.questionnaireVersionId),
		listReportVersions(db, wave.slug),
		listReportableOrganisations(db, wave.slug)
	]);
	const all = questionnaire.sections.flatMap((s) => s.questions);
	const texts = all.filter((q) => q.type === 'text');
	// The analyst picks quotes among the answers marked quotable on the question's page.
	const quotable = Object.fromEntries(
		await Promise.all(
			texts.map(async (q) => {
				const answers = await listQuestionAnswers(db, { waveSlug: wave.slug, questionCode: q.code });
				return [
					q.code,
					answers.filter((a) => a.quotable).map((a) => ({ id: a.responseId, text: a.text }))
				] as const;
			})
		)
	);
	const questionText = (code: string) => {
		const q = all.find((x) => x.code === code);
		return q ? t(q.text, draft.definition.lang) : code;
	};
	return {
		wave: { slug: wave.slug, name: wave.name },
		draft: {
			revision: draft.revision,
			definition: draft.definition,
			updatedAt: draft.updatedAt.toISOString().slice(0, 16).replace('T', ' ')
		},
		questions: draft.definition.questions.map((q) => ({
			code: q.code,
			text: questionText(q.code),
			type: all.find((x) => x.code === q.code)?.type ?? 'text',
			quotable: quotable[q.code] ?? []
		})),
		keyFigureQuestions: draft.definition.keyFigures.map((k) => questionText(k.question)),
		versions: versions.map((v) => ({
			version: v.version,
			publishedAt: v.publishedAt.toISOString().slice(0, 16).replace('T', ' '),
			publishedBy: v.publishedBy
		})),
		organisations,
		saved: url.searchParams.get('saved'),
		published: url.searchParams.get('published')
	};
};

function failure(error: unknown) {
	if (isAppError(error) && (error.code === 'CONFLICT' || error.code === 'INVALID_INPUT')) {
		return fail(errorStatus[error.code], { message: error.message, conflict: error.code === 'CONFLICT' });
	}
	throw error;
}

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		const user = requireRole(locals, REPORT_EDITORS);
		const form = await readForm(request);
		if (!form.ok) return fail(form.status, { message: m.report_form_malformed(), conflict: false });
		const all = (name: string) => form.entries.filter(([key]) => key === name).map(([, value]) => value);
		const one = (name: string) => all(name)[0] ?? '';
		const { db } = await getDatabase();
		const draft = await getReportDraft(db, params.slug, locals.lang ?? 'sv');
		const revision = Number(one('revision'));
		const definition = definitionFromForm(draft.definition, { one, all }, m.report_new_section_title());
		let saved: { revision: number };
		try {
			saved = await saveReportDraft(
				db,
				{ slug: params.slug, revision, definition: definition as never },
				user
			);
		} catch (error) {
			return failure(error);
		}
		// The script's autosave stays on the page; a form post returns to the page (at the section moved).
		if (one('op') === 'autosave') return { revision: saved.revision };
		const op = one('op');
		const at = op.includes(':') ? `#section-${op.split(':')[1]}` : op === 'add' ? '#sections-end' : '';
		redirect(303, `/admin/waves/${encodeURIComponent(params.slug)}/report?saved=${saved.revision}${at}`);
	},
	publish: async ({ locals, params, request }) => {
		const user = requireRole(locals, REPORT_EDITORS);
		const form = await readForm(request);
		if (!form.ok) return fail(form.status, { message: m.report_form_malformed(), conflict: false });
		const revision = Number(form.entries.find(([key]) => key === 'revision')?.[1] ?? '');
		const { db } = await getDatabase();
		let published: { version: number };
		try {
			published = await publishReport(db, { slug: params.slug, revision }, user);
		} catch (error) {
			return failure(error);
		}
		redirect(
			303,
			`/admin/waves/${encodeURIComponent(params.slug)}/report?published=${published.version}#versions`
		);
	}
};
