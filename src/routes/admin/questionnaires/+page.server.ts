import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { importQuestionnaire } from '#lib/server/questionnaires/import-questionnaire.ts';
import { listQuestionnaires } from '#lib/server/questionnaires/list-questionnaires.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// Questionnaires decide what every wave asks: the same people who create waves share and publish them.
const ROLES = ['admin', 'analyst'] as const;

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ROLES);
	const { db } = await getDatabase();
	const rows = await listQuestionnaires(db);
	return {
		questionnaires: rows.map((r) => ({
			id: r.versionId,
			code: r.code,
			title: r.title,
			version: r.version,
			questionCount: r.questionCount,
			publishedAt: r.publishedAt.toISOString()
		}))
	};
};

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

export const actions: Actions = {
	upload: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const posted = await readUpload(request, 'file', UPLOAD_LIMITS.questionnaire);
		if (!posted.ok) {
			return fail(posted.reason === 'too-large' ? 413 : 400, {
				error: posted.reason === 'too-large' ? m.questionnaires_error_too_large() : m.error_form_invalid(),
				problems: [] as string[]
			});
		}
		if (!posted.file) return fail(400, { error: m.questionnaires_error_file_required(), problems: [] });
		const json = readJson(posted.file.bytes);
		if (!json.ok) return fail(400, { error: json.error, problems: [] });
		const { db } = await getDatabase();
		try {
			const result = await importQuestionnaire(db, json.value, { actor: user.email });
			const q = { code: result.questionnaire.code, version: result.questionnaire.version };
			return {
				done: result.created ? m.questionnaires_published(q) : m.questionnaires_unchanged(q)
			};
		} catch (e) {
			if (!isAppError(e)) throw e;
			if (e.code === 'INVALID_INPUT' && Array.isArray(e.details)) {
				const problems = e.details.map(String);
				return fail(400, {
					error: m.questionnaires_error_invalid({ count: problems.length }),
					problems
				});
			}
			return fail(e.code === 'CONFLICT' ? 409 : 400, { error: e.message, problems: [] });
		}
	}
};
