import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import type { TDb } from '#lib/server/db/client.ts';
import { listWaveMessages } from '#lib/server/mail/list-wave-messages.ts';
import { runningMailWorker } from '#lib/server/mail/mail-worker.ts';
import { previewMessages } from '#lib/server/mail/preview-messages.ts';
import { queueInvitations } from '#lib/server/mail/queue-invitations.ts';
import { queueReminders } from '#lib/server/mail/queue-reminders.ts';
import { retryMessage } from '#lib/server/mail/retry-message.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

const ZLang = z.enum(['sv', 'en']).catch('sv');
const ZConfirm = z.enum(['invitations', 'reminders']).nullable().catch(null);

async function requireWave(db: TDb, slug: string) {
	const wave = await findWaveBySlug(db, slug);
	if (!wave) error(404, { message: m.not_found_title() });
	return wave;
}

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, event }) => {
	const { params, url } = event;
	const wave = await requireWave(db, params.slug);
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
});

// A wave that is not open cannot queue messages: the service's refusal is shown with 409.
const queue = (kind: 'invitations' | 'reminders') =>
	formAction(
		{ roles: MANAGERS, schema: z.object({ lang: ZLang }), refusal: () => ({ field: '', status: 409 }) },
		async ({ user, db, input, event }) => {
			const wave = await requireWave(db, event.params.slug ?? '');
			const run = kind === 'invitations' ? queueInvitations : queueReminders;
			const options = { waveSlug: wave.slug, origin: event.url.origin, lang: input.lang, actor: user.email };
			const result = await run(db, options);
			runningMailWorker()?.wake();
			return {
				done:
					kind === 'invitations'
						? m.mail_admin_invitations_queued({ count: result.queued })
						: m.mail_admin_reminders_queued({ count: result.queued })
			};
		}
	);

export const actions: Actions = {
	invitations: queue('invitations'),
	reminders: queue('reminders'),
	// An id edited in the form, or another wave's message: not found.
	retry: formAction(
		{
			roles: MANAGERS,
			schema: z.object({ message: z.uuid().catch('00000000-0000-0000-0000-000000000000') })
		},
		async ({ user, db, input, event }) => {
			const wave = await requireWave(db, event.params.slug ?? '');
			const row = await retryMessage(db, { waveId: wave.id, messageId: input.message, actor: user.email });
			runningMailWorker()?.wake();
			return { done: m.mail_admin_retried({ to: row.to }) };
		}
	)
};
