import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { listQuestionnaires } from '#lib/server/questionnaires/list-questionnaires.ts';
import { createWave } from '#lib/server/waves/create-wave.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db }) => {
	const versions = await listQuestionnaires(db);
	return {
		versions: versions.map((v) => ({ value: `${v.code}@${v.version}`, label: `${v.title} (v${v.version})` }))
	};
});

// The form's fields; messages are looked up per request so that they follow the page's language.
const ZForm = () =>
	z.object({
		questionnaire: z.string().regex(/^[a-z0-9-]+@\d+$/, m.dashboard_error_questionnaire()),
		name: z.string().trim().min(1, m.dashboard_error_name()).max(200, m.dashboard_error_name()),
		period: z.string().trim().max(100),
		mode: z.enum(['invite', 'open'], m.dashboard_error_mode()),
		k: z.coerce
			.number(m.dashboard_error_k())
			.int(m.dashboard_error_k())
			.min(1, m.dashboard_error_k())
			.max(1000, m.dashboard_error_k()),
		anonymous: z.string().optional(),
		deadline: z.union([z.literal(''), z.iso.date(m.dashboard_error_deadline())]),
		senderName: z.string().trim().max(200, m.dashboard_error_sender())
	});

export const actions: Actions = {
	default: formAction(
		{
			roles: MANAGERS,
			schema: ZForm,
			refusal: (e) =>
				e.code === 'CONFLICT' ? { field: 'name', message: m.dashboard_error_name_taken() } : undefined
		},
		async ({ user, db, input }) => {
			const [code = '', version = '1'] = input.questionnaire.split('@');
			const wave = await createWave(
				db,
				{
					questionnaireCode: code,
					questionnaireVersion: Number(version),
					name: input.name,
					period: input.period || undefined,
					mode: input.mode,
					minGroupSize: input.k,
					anonymous: input.mode === 'invite' && input.anonymous === 'on',
					deadline: input.deadline || undefined,
					senderName: input.senderName || undefined
				},
				user.email
			);
			redirect(303, `/admin/waves/${wave.slug}`);
		}
	)
};
