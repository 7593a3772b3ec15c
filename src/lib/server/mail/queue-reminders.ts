import { asc, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { auditLog, messages, participants, responses } from '../db/schema.ts';
import { findMailWave } from './find-mail-wave.ts';
import { insertMessages } from './insert-messages.ts';
import { type TQueueMailOptions, type TQueueResult, ZQueueMail } from './queue-invitations.ts';

/**
 * Queues a reminder for every invited participant who has not completed (`has_completed`, or a complete
 * response linked to them), has not opted out and whose address has not bounced. A participant whose
 * previous e-mail is still waiting to be sent gets none, so a repeated click sends one reminder; the
 * dedupe key `reminder:<participant id>:<n>` makes two concurrent calls queue one.
 */
export async function queueReminders(db: TDb, options: TQueueMailOptions): Promise<TQueueResult> {
	const input = ZQueueMail.parse(options);
	const wave = await findMailWave(db, input.waveSlug);
	return db.transaction(async (tx) => {
		const all = await tx
			.select({
				participantId: participants.id,
				name: participants.name,
				email: participants.email,
				reminderCount: participants.reminderCount,
				due: sql<boolean>`${participants.invitedAt} is not null
					and ${participants.optedOutAt} is null
					and ${participants.bouncedAt} is null
					and not ${participants.hasCompleted}
					and not exists (select 1 from ${responses} r
						where r.participant_id = ${participants.id} and r.status = 'complete')
					and not exists (select 1 from ${messages} m
						where m.participant_id = ${participants.id} and m.status in ('queued', 'sending'))`
			})
			.from(participants)
			.where(sql`${participants.waveId} = ${wave.id}`)
			.orderBy(asc(participants.createdAt), asc(participants.id));
		const due = all
			.filter((p) => p.due)
			.map((p) => ({ ...p, dedupeKey: `reminder:${p.participantId}:${p.reminderCount + 1}` }));
		const queued = await insertMessages(tx, {
			wave,
			kind: 'reminder',
			lang: input.lang,
			origin: input.origin,
			recipients: due
		});
		const result = { queued: queued.length, skipped: all.length - queued.length };
		await tx.insert(auditLog).values({
			actor: input.actor,
			action: 'reminders.queue',
			subject: `wave:${wave.slug}`,
			details: result
		});
		return result;
	});
}
