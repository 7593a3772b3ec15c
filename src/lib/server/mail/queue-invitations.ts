import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ZMailLang } from '../../core/mail/render-message.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { participants } from '../db/schema.ts';
import { findMailWave } from './find-mail-wave.ts';
import { countOnly, insertMessages } from './insert-messages.ts';

export const ZQueueMail = z.object({
	waveSlug: z.string().min(1),
	/** Where the app is reached, for the links in the e-mails. */
	origin: z.url(),
	lang: ZMailLang.default('sv'),
	/** Who asked, for the audit log (a user's e-mail, or `cli`). */
	actor: z.string().min(1),
	/** Only count what would be queued (for a confirmation), change nothing. */
	dryRun: z.boolean().default(false)
});
export type TQueueMailOptions = z.input<typeof ZQueueMail>;

export interface TQueueResult {
	queued: number;
	skipped: number;
}

/**
 * Queues an invitation for every participant of an open wave who has not been invited and has not opted
 * out. Idempotent: the dedupe key `invitation:<participant id>` admits one invitation per participant.
 */
export async function queueInvitations(db: TDb, options: TQueueMailOptions): Promise<TQueueResult> {
	const input = ZQueueMail.parse(options);
	const wave = await findMailWave(db, input.waveSlug);
	return db.transaction(async (tx) => {
		const all = await tx
			.select({
				participantId: participants.id,
				name: participants.name,
				email: participants.email,
				invitedAt: participants.invitedAt,
				optedOutAt: participants.optedOutAt
			})
			.from(participants)
			.where(eq(participants.waveId, wave.id))
			.orderBy(asc(participants.createdAt), asc(participants.id));
		const due = all
			.filter((p) => p.invitedAt === null && p.optedOutAt === null)
			.map((p) => ({ ...p, dedupeKey: `invitation:${p.participantId}` }));
		if (input.dryRun) return countOnly(all.length, due);
		const queued = await insertMessages(tx, {
			wave,
			kind: 'invitation',
			lang: input.lang,
			origin: input.origin,
			recipients: due
		});
		const result = { queued: queued.length, skipped: all.length - queued.length };
		await recordAudit(tx, {
			actor: input.actor,
			action: 'invitations.queue',
			subject: wave.slug,
			details: { ...result }
		});
		return result;
	});
}
