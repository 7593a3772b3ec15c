import { redirect } from '@sveltejs/kit';
import { followUpParents } from '#lib/core/questionnaire/follow-ups.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { getReportDraft } from '#lib/server/report/get-report-draft.ts';
import { listReportVersions } from '#lib/server/report/list-report-versions.ts';
import { listReportableOrganisations } from '#lib/server/report/list-reportable-organisations.ts';
import { publishReport } from '#lib/server/report/publish-report.ts';
import { saveReportDraft } from '#lib/server/report/save-report-draft.ts';
import { listQuestionAnswers } from '#lib/server/themes/list-question-answers.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { definitionFromForm } from '#lib/server/web/report-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const { params, url } = event;
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
	// A follow-up is edited inside its parent's entry, as the report shows it inside its parent's subsection.
	const parents = followUpParents(questionnaire);
	const listed = new Set(draft.definition.questions.map((q) => q.code));
	const parentOf = (code: string) => {
		const parent = parents.get(code);
		return parent !== undefined && listed.has(parent) ? parent : null;
	};
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
			parent: parentOf(q.code),
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
});

// A stale revision (CONFLICT, the page offers to reload) or a definition the service refuses comes back
// as a failure with the error's status, message and code.
export const actions: Actions = {
	save: formAction({ roles: MANAGERS }, async ({ user, db, lang, form, event }) => {
		const { slug } = event.params;
		const draft = await getReportDraft(db, slug ?? '', lang);
		const revision = Number(form.one('revision'));
		const definition = definitionFromForm(draft.definition, form, m.report_new_section_title());
		const saved = await saveReportDraft(
			db,
			{ slug: slug ?? '', revision, definition: definition as never },
			user
		);
		// The script's autosave stays on the page; a form post returns to the page (at the section moved).
		const op = form.one('op');
		if (op === 'autosave') return { revision: saved.revision };
		const at = op.includes(':') ? `#section-${op.split(':')[1]}` : op === 'add' ? '#sections-end' : '';
		redirect(303, `/admin/waves/${encodeURIComponent(slug ?? '')}/report?saved=${saved.revision}${at}`);
	}),
	publish: formAction({ roles: MANAGERS }, async ({ user, db, form, event }) => {
		const slug = event.params.slug ?? '';
		const published = await publishReport(db, { slug, revision: Number(form.one('revision')) }, user);
		redirect(303, `/admin/waves/${encodeURIComponent(slug)}/report?published=${published.version}#versions`);
	})
};
