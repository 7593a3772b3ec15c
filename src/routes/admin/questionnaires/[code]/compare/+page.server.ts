import { error } from '@sveltejs/kit';
import type { TQuestionnaire } from '#lib/core/questionnaire/definition.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { compareQuestionnaireVersions } from '#lib/server/questionnaires/compare-questionnaire-versions.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { questionEditsText } from '#lib/server/web/question-edits-text.ts';
import type { PageServerLoad } from './$types';

/** A version number from the address, or undefined when not given; anything else is not a page here. */
function versionParam(url: URL, name: string): number | undefined {
	const value = url.searchParams.get(name);
	if (value === null || value === '') return undefined;
	if (!/^[1-9]\d{0,8}$/.test(value)) error(404, { message: m.not_found_title() });
	return Number(value);
}

// The same people who publish questionnaires compare their versions.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const compared = await compareQuestionnaireVersions(db, {
		code: event.params.code,
		from: versionParam(event.url, 'from'),
		to: versionParam(event.url, 'to')
	});
	const sectionTitle = (q: TQuestionnaire, code: string) =>
		t(q.sections.find((s) => s.code === code)?.title ?? { sv: code }, lang);
	const rows = compared.questions;
	return {
		code: compared.code,
		title: t(compared.to.title, lang),
		versions: compared.versions,
		from: compared.from.version,
		to: compared.to.version,
		comparable: rows.flatMap((q) =>
			q.status === 'comparable'
				? [
						{
							code: q.code,
							text: t(q.after.text, lang),
							edits: questionEditsText(q.edits)
						}
					]
				: []
		),
		added: rows.flatMap((q) =>
			q.status === 'new'
				? [{ code: q.code, text: t(q.after.text, lang), page: sectionTitle(compared.to, q.section) }]
				: []
		),
		dropped: rows.flatMap((q) =>
			q.status === 'dropped'
				? [{ code: q.code, text: t(q.before.text, lang), page: sectionTitle(compared.from, q.section) }]
				: []
		),
		changed: rows.flatMap((q) =>
			q.status === 'type-changed' || q.status === 'scale-changed'
				? [
						{
							code: q.code,
							text: t(q.after.text, lang),
							reason:
								q.status === 'type-changed'
									? m.questionnaires_compare_type_changed()
									: m.questionnaires_compare_scale_changed()
						}
					]
				: []
		)
	};
});
