import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { waveEditRules } from '#lib/core/wave/wave-edit-rules.ts';
import { m } from '#lib/paraglide/messages.js';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { updateWave } from '#lib/server/waves/update-wave.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const wave = await getWave(db, event.params.slug);
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
});

// Locked fields are shown read-only and not posted: a field left out keeps its stored value.
const ZForm = (lang: 'sv' | 'en') => {
	const o = { locale: lang };
	return z.object({
		name: z
			.string()
			.trim()
			.min(1, m.dashboard_error_name({}, o))
			.max(200, m.dashboard_error_name({}, o))
			.optional(),
		period: z.string().trim().max(100).optional(),
		k: z.coerce
			.number(m.dashboard_error_k({}, o))
			.int(m.dashboard_error_k({}, o))
			.min(1, m.dashboard_error_k({}, o))
			.max(1000, m.dashboard_error_k({}, o))
			.optional(),
		deadline: z.union([z.literal(''), z.iso.date(m.dashboard_error_deadline({}, o))]).optional(),
		senderName: z.string().trim().max(200, m.dashboard_error_sender({}, o)).optional()
	});
};

const FIELD_OF: Record<string, string> = { minGroupSize: 'k' };

export const actions: Actions = {
	default: formAction(
		{
			roles: MANAGERS,
			schema: ZForm,
			guard: ({ db, event }) => getWave(db, event.params.slug ?? ''),
			// A locked field or an earlier deadline: the message beside the (first) field it is about.
			refusal: (e) => {
				if (e.code !== 'CONFLICT') return undefined;
				const field = (e.details as { fields?: string[] } | undefined)?.fields?.[0] ?? '';
				return {
					field: FIELD_OF[field] ?? field,
					message: field === 'deadline' ? m.wave_edit_error_deadline_earlier() : m.wave_edit_error_locked()
				};
			}
		},
		async ({ user, db, input, found: wave }) => {
			const or = <T>(posted: T | undefined, stored: T) => (posted === undefined ? stored : posted);
			await updateWave(
				db,
				wave.slug,
				{
					name: or(input.name, wave.name),
					period: or(input.period, wave.period ?? '') || null,
					deadline: or(input.deadline, wave.deadline ?? '') || null,
					minGroupSize: or(input.k, wave.minGroupSize),
					senderName: or(input.senderName, wave.senderName ?? '') || null
				},
				user.email
			);
			redirect(303, `/admin/waves/${wave.slug}`);
		}
	)
};
