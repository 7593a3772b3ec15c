import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { waveEditRules } from '#lib/core/wave/wave-edit-rules.ts';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { updateWave } from '#lib/server/waves/update-wave.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

const MANAGERS = ['admin', 'analyst'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
	requireRole(locals, MANAGERS);
	const { db } = await getDatabase();
	const wave = await getWave(db, params.slug);
	return {
		wave: {
			slug: wave.slug,
			name: wave.name,
			status: wave.status,
			period: wave.period ?? '',
			deadline: wave.deadline ?? '',
			minGroupSize: wave.minGroupSize,
			senderName: wave.senderName ?? ''
		},
		rules: waveEditRules(wave.status)
	};
};

// The form's fields; messages are looked up per request so that they follow the page's language.
const ZForm = () =>
	z.object({
		name: z.string().trim().min(1, m.dashboard_error_name()).max(200, m.dashboard_error_name()),
		period: z.string().trim().max(100).default(''),
		k: z.coerce
			.number(m.dashboard_error_k())
			.int(m.dashboard_error_k())
			.min(1, m.dashboard_error_k())
			.max(1000, m.dashboard_error_k()),
		deadline: z.union([z.literal(''), z.iso.date(m.dashboard_error_deadline())]).default(''),
		senderName: z.string().trim().max(200, m.dashboard_error_sender()).default('')
	});

type TValues = Record<string, string>;
const FIELD_OF: Record<string, string> = { minGroupSize: 'k' };

export const actions: Actions = {
	default: async ({ locals, request, params }) => {
		const user = requireRole(locals, MANAGERS);
		const form = await readForm(request);
		if (!form.ok)
			return fail(form.status, {
				values: {} as TValues,
				errors: [{ field: '', message: m.error_form_invalid() }]
			});
		const { db } = await getDatabase();
		const wave = await getWave(db, params.slug);
		// Locked fields are shown read-only and not posted: keep their stored values.
		const values: TValues = {
			name: wave.name,
			period: wave.period ?? '',
			k: String(wave.minGroupSize),
			deadline: wave.deadline ?? '',
			senderName: wave.senderName ?? '',
			...Object.fromEntries(form.entries)
		};
		const parsed = ZForm().safeParse(values);
		if (!parsed.success) {
			return fail(400, {
				values,
				errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }))
			});
		}
		const input = parsed.data;
		try {
			await updateWave(
				db,
				params.slug,
				{
					name: input.name,
					period: input.period || null,
					deadline: input.deadline || null,
					minGroupSize: input.k,
					senderName: input.senderName || null
				},
				user.email
			);
		} catch (error) {
			if (isAppError(error) && error.code === 'CONFLICT') {
				const fields = (error.details as { fields?: string[] } | undefined)?.fields ?? [''];
				return fail(409, {
					values,
					errors: fields.map((f) => ({
						field: FIELD_OF[f] ?? f,
						message: f === 'deadline' ? m.wave_edit_error_deadline_earlier() : m.wave_edit_error_locked()
					}))
				});
			}
			throw error;
		}
		redirect(303, `/admin/waves/${params.slug}`);
	}
};
