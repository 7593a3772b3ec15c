import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listQuestionnaires } from '#lib/server/questionnaires/list-questionnaires.ts';
import { createWave } from '#lib/server/waves/create-wave.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

const MANAGERS = ['admin', 'analyst'] as const;

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, MANAGERS);
	const { db } = await getDatabase();
	const versions = await listQuestionnaires(db);
	return {
		versions: versions.map((v) => ({ value: `${v.code}@${v.version}`, label: `${v.title} (v${v.version})` }))
	};
};

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

type TValues = Record<string, string>;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireRole(locals, MANAGERS);
		const form = await readForm(request);
		if (!form.ok)
			return fail(form.status, {
				values: {} as TValues,
				errors: [{ field: '', message: m.error_form_invalid() }]
			});
		const values: TValues = Object.fromEntries(form.entries);
		const parsed = ZForm().safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }))
			});
		}
		const input = parsed.data;
		const [code = '', version = '1'] = input.questionnaire.split('@');
		const { db } = await getDatabase();
		let slug: string;
		try {
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
			slug = wave.slug;
		} catch (error) {
			if (isAppError(error) && error.code === 'CONFLICT') {
				return fail(409, { values, errors: [{ field: 'name', message: m.dashboard_error_name_taken() }] });
			}
			throw error;
		}
		redirect(303, `/admin/waves/${slug}`);
	}
};
