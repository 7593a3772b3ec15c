import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { rowProblemText } from '#lib/components/admin/row-problem-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { addParticipant } from '#lib/server/participants/add-participant.ts';
import { importParticipants } from '#lib/server/participants/import-participants.ts';
import { listWaveParticipants } from '#lib/server/participants/list-wave-participants.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '#lib/server/waves/list-wave-organisations.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// Participants are personal data: administrators and analysts only, never organisation contacts.
const ROLES = ['admin', 'analyst'] as const;

async function waveOr404(slug: string) {
	const { db } = await getDatabase();
	const wave = await findWaveBySlug(db, slug);
	if (!wave) error(404, { message: m.not_found_title() });
	return { db, wave };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	requireRole(locals, ROLES);
	const { db, wave } = await waveOr404(params.slug);
	const [participants, organisations, questionnaire] = await Promise.all([
		listWaveParticipants(db, wave.id),
		listWaveOrganisations(db, wave.ownerOrganisationId),
		getQuestionnaireVersion(db, wave.questionnaireVersionId)
	]);
	const lang = locals.lang === 'en' ? 'en' : 'sv';
	return {
		wave: { slug: wave.slug, name: wave.name, status: wave.status },
		participants,
		organisations,
		roleGroups: Object.fromEntries(questionnaire.roleGroups.map((g) => [g.code, g.label[lang] ?? g.label.sv]))
	};
};

type TField = 'name' | 'email' | 'title' | 'organisation' | 'file' | '';
type TError = { field: TField; message: string };

const ZAddForm = z.object({
	name: z.string().trim().max(200),
	email: z.string().trim().max(254),
	title: z.string().trim().max(200),
	organisation: z.string()
});

export const actions: Actions = {
	add: async ({ request, locals, params }) => {
		requireRole(locals, ROLES);
		const { db, wave } = await waveOr404(params.slug);
		const form = await readForm(request);
		const parsed = form.ok ? ZAddForm.safeParse(Object.fromEntries(form.entries)) : null;
		if (!parsed?.success) {
			return fail(400, {
				section: 'add',
				errors: [{ field: '', message: m.error_form_invalid() }] as TError[]
			});
		}
		const values = parsed.data;
		const errors: TError[] = [];
		if (!values.name) errors.push({ field: 'name', message: m.people_error_name_required() });
		if (!z.email().safeParse(values.email).success)
			errors.push({ field: 'email', message: m.people_error_email_invalid() });
		if (!z.uuid().safeParse(values.organisation).success)
			errors.push({ field: 'organisation', message: m.people_error_organisation_required() });
		if (errors.length > 0) return fail(400, { section: 'add', errors, values });
		try {
			await addParticipant(db, {
				waveSlug: wave.slug,
				name: values.name,
				email: values.email,
				title: values.title || undefined,
				organisationId: values.organisation
			});
		} catch (e) {
			if (!isAppError(e)) throw e;
			const field: TField = e.code === 'CONFLICT' ? 'email' : e.code === 'NOT_FOUND' ? 'organisation' : '';
			const message =
				e.code === 'CONFLICT'
					? m.people_error_duplicate()
					: e.code === 'NOT_FOUND'
						? m.people_error_organisation_required()
						: e.message;
			return fail(e.code === 'WAVE_CLOSED' ? 409 : 400, {
				section: 'add',
				errors: [{ field, message }],
				values
			});
		}
		return { section: 'add', done: m.people_added({ email: values.email }) };
	},

	import: async ({ request, locals, params }) => {
		const user = requireRole(locals, ROLES);
		const { db, wave } = await waveOr404(params.slug);
		const upload = await readUpload(request, 'file', UPLOAD_LIMITS.participants);
		if (!upload.ok) {
			const message =
				upload.reason === 'too-large'
					? m.people_error_file_too_large({ limit: formatLimit(UPLOAD_LIMITS.participants) })
					: m.error_form_invalid();
			return fail(upload.reason === 'too-large' ? 413 : 400, {
				section: 'import',
				errors: [{ field: 'file', message }] as TError[]
			});
		}
		if (!upload.file) {
			return fail(400, {
				section: 'import',
				errors: [{ field: 'file', message: m.people_error_file_required() }] as TError[]
			});
		}
		try {
			const result = await importParticipants(db, {
				waveSlug: wave.slug,
				bytes: upload.file.bytes,
				fileName: upload.file.name.slice(0, 255),
				actor: user.email
			});
			if (!result.ok) {
				return fail(400, {
					section: 'import',
					refused: true,
					errors: result.problems.map((p) => ({ field: '' as TField, message: rowProblemText(p) }))
				});
			}
			return { section: 'import', done: m.people_imported({ count: result.imported }) };
		} catch (e) {
			if (!isAppError(e)) throw e;
			return fail(400, { section: 'import', errors: [{ field: 'file' as TField, message: e.message }] });
		}
	}
};
