import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { QUESTIONNAIRE_CODE } from '#lib/core/questionnaire/limesurvey/map-lss.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { importLimeSurvey } from '#lib/server/questionnaires/import-limesurvey.ts';
import { importQuestionnaire } from '#lib/server/questionnaires/import-questionnaire.ts';
import { listQuestionnaireDrafts } from '#lib/server/questionnaires/list-questionnaire-drafts.ts';
import { listQuestionnaires } from '#lib/server/questionnaires/list-questionnaires.ts';
import { startNewQuestionnaire } from '#lib/server/questionnaires/start-new-questionnaire.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// Questionnaires decide what every wave asks: the same people who create waves share and publish them.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db }) => {
	const [rows, drafts] = await Promise.all([listQuestionnaires(db), listQuestionnaireDrafts(db)]);
	return {
		lssLimit: formatLimit(UPLOAD_LIMITS.limesurvey),
		newDrafts: drafts.filter((d) => !d.published).map((d) => d.code),
		questionnaires: rows.map((r) => ({
			id: r.versionId,
			code: r.code,
			title: r.title,
			version: r.version,
			// The version before this one, to compare with (rows are newest first within a code).
			previous: rows.find((o) => o.code === r.code && o.version < r.version)?.version ?? null,
			// On the newest version of each questionnaire: its next version, as a draft or still to start.
			next:
				rows.find((o) => o.code === r.code) === r
					? {
							version: drafts.find((d) => d.code === r.code)?.version ?? r.version + 1,
							drafted: drafts.some((d) => d.code === r.code)
						}
					: null,
			questionCount: r.questionCount,
			publishedAt: r.publishedAt.toISOString()
		}))
	};
});

/** The file's text as JSON, or the message saying why it is not. */
function readJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; error: string } {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, error: m.questionnaires_error_not_utf8() };
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		return {
			ok: false,
			error: m.questionnaires_error_not_json({ reason: e instanceof Error ? e.message : '' })
		};
	}
}

const ZNewForm = (lang: 'sv' | 'en') => {
	const o = { locale: lang };
	return z.object({
		code: z
			.string()
			.trim()
			.regex(/^[a-z][a-z0-9_-]{1,62}$/, m.questionnaires_new_error_code({}, o)),
		name: z
			.string()
			.trim()
			.min(1, m.questionnaires_new_error_name({}, o))
			.max(200, m.questionnaires_new_error_name({}, o)),
		start: z.enum(['template', 'blank']).default('template')
	});
};

export const actions: Actions = {
	new: formAction(
		{
			roles: MANAGERS,
			schema: ZNewForm,
			context: { problems: [] as string[], form: 'new' },
			refusal: (e) =>
				e.code === 'CONFLICT' ? { field: 'code', message: m.questionnaires_new_error_taken() } : undefined
		},
		async ({ user, db, input }) => {
			await startNewQuestionnaire(db, {
				code: input.code,
				title: input.name,
				from: input.start,
				actor: user.email
			});
			redirect(303, `/admin/questionnaires/${encodeURIComponent(input.code)}/draft`);
		}
	),
	upload: formAction(
		{
			roles: MANAGERS,
			body: 'none',
			context: { problems: [] as string[] },
			// A file that breaks the questionnaire model lists every problem with its path.
			refusal: (e) =>
				e.code === 'INVALID_INPUT' && Array.isArray(e.details)
					? {
							field: 'file',
							message: m.questionnaires_error_invalid({ count: e.details.length }),
							context: { problems: e.details.map(String) }
						}
					: undefined
		},
		async ({ user, db, lang, event }) => {
			const posted = await readUpload(event.request, 'file', UPLOAD_LIMITS.questionnaire);
			if (!posted.ok) {
				return fail(posted.reason === 'too-large' ? 413 : 400, {
					error: posted.reason === 'too-large' ? m.questionnaires_error_too_large() : m.error_form_invalid(),
					problems: [] as string[]
				});
			}
			if (!posted.file) return fail(400, { error: m.questionnaires_error_file_required(), problems: [] });
			const json = readJson(posted.file.bytes);
			if (!json.ok) return fail(400, { error: json.error, problems: [] });
			const result = await importQuestionnaire(db, json.value, { actor: user.email, lang });
			const q = { code: result.questionnaire.code, version: result.questionnaire.version };
			return { done: result.created ? m.questionnaires_published(q) : m.questionnaires_unchanged(q) };
		}
	),
	// A LimeSurvey survey becomes a new questionnaire's draft; what was left out is listed on the page.
	importLimeSurvey: formAction(
		{
			roles: MANAGERS,
			body: 'none',
			context: { problems: [] as string[], form: 'lss' },
			refusal: (e) =>
				e.code === 'CONFLICT'
					? { field: 'lss-code', message: m.questionnaires_new_error_taken() }
					: e.code === 'INVALID_INPUT'
						? {
								field: 'lss-file',
								message: e.message.split('\n')[0],
								context: { problems: Array.isArray(e.details) ? e.details.map(String) : [] }
							}
						: undefined
		},
		async ({ user, db, lang, event }) => {
			const posted = await readUpload(event.request, 'file', UPLOAD_LIMITS.limesurvey);
			const refuse = (status: number, field: string, error: string, values: Record<string, string> = {}) =>
				fail(status, {
					error,
					errors: [{ field, message: error }],
					values,
					problems: [] as string[],
					form: 'lss'
				});
			if (!posted.ok) {
				return posted.reason === 'too-large'
					? refuse(
							413,
							'lss-file',
							m.questionnaires_lss_error_too_large({ limit: formatLimit(UPLOAD_LIMITS.limesurvey) })
						)
					: refuse(400, 'lss-file', m.error_form_invalid());
			}
			const code = (posted.fields.code ?? '').trim();
			if (code !== '' && !QUESTIONNAIRE_CODE.test(code))
				return refuse(400, 'lss-code', m.questionnaires_new_error_code(), { code });
			if (!posted.file) return refuse(400, 'lss-file', m.questionnaires_lss_error_file_required(), { code });
			const result = await importLimeSurvey(db, {
				file: posted.file.bytes,
				code: code || undefined,
				actor: user.email,
				lang
			});
			const { definition } = result.draft;
			return {
				imported: {
					code: definition.code,
					count: definition.sections.reduce((n, s) => n + s.questions.length, 0),
					skipped: result.skipped,
					notices: result.notices
				}
			};
		}
	)
};
