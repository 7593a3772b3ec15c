import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { rowProblemText } from '#lib/components/admin/row-problem-text.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import type { TDb } from '#lib/server/db/client.ts';
import { addParticipant } from '#lib/server/participants/add-participant.ts';
import { importParticipants } from '#lib/server/participants/import-participants.ts';
import { listWaveParticipants } from '#lib/server/participants/list-wave-participants.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '#lib/server/waves/list-wave-organisations.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { emailField, nameField } from '#lib/server/web/person-fields.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

// Participants are personal data: administrators and analysts only, never organisation contacts.

async function waveOr404(db: TDb, slug: string) {
	const wave = await findWaveBySlug(db, slug);
	if (!wave) error(404, { message: m.not_found_title() });
	return wave;
}

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const wave = await waveOr404(db, event.params.slug);
	const [participants, organisations, questionnaire] = await Promise.all([
		listWaveParticipants(db, wave.id),
		listWaveOrganisations(db, wave.ownerOrganisationId),
		getQuestionnaireVersion(db, wave.questionnaireVersionId)
	]);
	return {
		wave: { slug: wave.slug, name: wave.name, status: wave.status },
		participants,
		organisations,
		roleGroups: Object.fromEntries(questionnaire.roleGroups.map((g) => [g.code, g.label[lang] ?? g.label.sv]))
	};
});

const ZAddForm = () =>
	z.object({
		name: nameField(m.people_error_name_required()),
		email: emailField(m.people_error_email_invalid()),
		title: z.string().trim().max(200).default(''),
		organisation: z.uuid(m.people_error_organisation_required())
	});

export const actions: Actions = {
	add: formAction(
		{
			roles: MANAGERS,
			schema: ZAddForm,
			context: { section: 'add' },
			// A duplicate address or an organisation outside the wave is shown at its field; a closed wave is 409.
			refusal: (e) =>
				e.code === 'CONFLICT'
					? { field: 'email', message: m.people_error_duplicate(), status: 400 }
					: e.code === 'NOT_FOUND'
						? { field: 'organisation', message: m.people_error_organisation_required(), status: 400 }
						: { field: '', status: e.code === 'WAVE_CLOSED' ? 409 : 400 }
		},
		async ({ db, input, event }) => {
			const wave = await waveOr404(db, event.params.slug ?? '');
			await addParticipant(db, {
				waveSlug: wave.slug,
				name: input.name,
				email: input.email,
				title: input.title || undefined,
				organisationId: input.organisation
			});
			return { section: 'add', done: m.people_added({ email: input.email }) };
		}
	),

	import: formAction(
		{
			roles: MANAGERS,
			body: 'none',
			context: { section: 'import' },
			refusal: () => ({ field: 'file', status: 400 })
		},
		async ({ user, db, event }) => {
			const wave = await waveOr404(db, event.params.slug ?? '');
			const upload = await readUpload(event.request, 'file', UPLOAD_LIMITS.participants);
			const refuse = (status: number, message: string) =>
				fail(status, { section: 'import', error: message, errors: [{ field: 'file', message }] });
			if (!upload.ok) {
				return upload.reason === 'too-large'
					? refuse(413, m.people_error_file_too_large({ limit: formatLimit(UPLOAD_LIMITS.participants) }))
					: refuse(400, m.error_form_invalid());
			}
			if (!upload.file) return refuse(400, m.people_error_file_required());
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
					errors: result.problems.map((p) => ({ field: '', message: rowProblemText(p) }))
				});
			}
			return { section: 'import', done: m.people_imported({ count: result.imported }) };
		}
	)
};
