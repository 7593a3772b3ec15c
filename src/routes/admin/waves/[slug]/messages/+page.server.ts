import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listWaveMessages } from '#lib/server/mail/list-wave-messages.ts';
import { runningMailWorker } from '#lib/server/mail/mail-worker.ts';
import { previewMessages } from '#lib/server/mail/preview-messages.ts';
import { queueInvitations } from '#lib/server/mail/queue-invitations.ts';
import { queueReminders } from '#lib/server/mail/queue-reminders.ts';
import { retryMessage } from '#lib/server/mail/retry-message.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['admin', 'analyst'] as const;
const ZLang = z.enum(['sv', 'en']).catch('sv');
const ZConfirm = z.enum(['invitations', 'reminders']).nullable().catch(null);

async function requireWave(slug: string) {
	const { db } = await getDatabase();
	const wave = await findWaveBySlug(db, slug);
	if (!wave) error(404, { message: m.not_found_title() });
	return { db, wave };
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireRole(locals, ROLES);
	const { db, wave } = await requireWave(params.slug);
	const lang = ZLang.parse(url.searchParams.get('sprak'));
	const confirm = ZConfirm.parse(url.searchParams.get('bekrafta'));
	const options = { waveSlug: wave.slug, origin: url.origin, lang, actor: 'preview', dryRun: true };
	// The numbers a confirmation shows, counted the way queueing will count them.
	const pending =
		wave.status === 'open'
			? {
					invitations: (await queueInvitations(db, options)).queued,
					reminders: (await queueReminders(db, options)).queued
				}
			: null;
	const [preview, listed] = await Promise.all([
		previewMessages(db, { waveSlug: wave.slug, origin: url.origin, lang }),
		listWaveMessages(db, wave.id)
	]);
	return {
		wave: { name: wave.name, slug: wave.slug, status: wave.status },
		lang,
		confirm: pending ? confirm : null,
		pending,
		preview,
		counts: listed.counts,
		outbox: listed.outbox,
		failed: listed.failed
	};
};

async function queue(
	kind: 'invitations' | 'reminders',
	{ locals, params, request, url }: Parameters<Actions[string]>[0]
) {
	const user = requireRole(locals, ROLES);
	const { db, wave } = await requireWave(params.slug ?? '');
	const form = await readForm(request);
	if (!form.ok) return fail(400, { error: m.error_form_invalid() });
	const lang = ZLang.parse(Object.fromEntries(form.entries).lang);
	const run = kind === 'invitations' ? queueInvitations : queueReminders;
	try {
		const result = await run(db, { waveSlug: wave.slug, origin: url.origin, lang, actor: user.email });
		runningMailWorker()?.wake();
		return {
			done:
				kind === 'invitations'
					? m.mail_admin_invitations_queued({ count: result.queued })
					: m.mail_admin_reminders_queued({ count: result.queued })
		};
	} catch (e) {
		if (!isAppError(e)) throw e;
		return fail(409, { error: e.message });
	}
}

export const actions: Actions = {
	invitations: (event) => queue('invitations', event),
	reminders: (event) => queue('reminders', event),
	retry: async ({ locals, params, request }) => {
		const user = requireRole(locals, ROLES);
		const { db, wave } = await requireWave(params.slug);
		const form = await readForm(request);
		if (!form.ok) return fail(400, { error: m.error_form_invalid() });
		const id = z.uuid().safeParse(Object.fromEntries(form.entries).message);
		if (!id.success) error(404, { message: m.not_found_title() });
		try {
			const row = await retryMessage(db, { waveId: wave.id, messageId: id.data, actor: user.email });
			runningMailWorker()?.wake();
			return { done: m.mail_admin_retried({ to: row.to }) };
		} catch (e) {
			if (isAppError(e) && e.code === 'NOT_FOUND') error(404, { message: m.not_found_title() });
			throw e;
		}
	}
};
