import { and, asc, count, eq, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { messages, participants, responses } from '../db/schema.ts';
import { findMailWave } from './find-mail-wave.ts';
import { countOnly, insertMessages } from './insert-messages.ts';
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
		const [total] = await tx
			.select({ n: count() })
			.from(participants)
			.where(eq(participants.waveId, wave.id));
		const candidates = await tx
			.select({
				participantId: participants.id,
				name: participants.name,
				email: participants.email,
				reminderCount: participants.reminderCount
			})
			.from(participants)
			.where(
				and(
					eq(participants.waveId, wave.id),
					isNotNull(participants.invitedAt),
					isNull(participants.optedOutAt),
					isNull(participants.bouncedAt),
					eq(participants.hasCompleted, false),
					notExists(
						tx
							.select({ one: sql`1` })
							.from(responses)
							.where(and(eq(responses.participantId, participants.id), eq(responses.status, 'complete')))
					),
					notExists(
						tx
							.select({ one: sql`1` })
							.from(messages)
							.where(
								and(
									eq(messages.participantId, participants.id),
									inArray(messages.status, ['queued', 'sending'])
								)
							)
					)
				)
			)
			.orderBy(asc(participants.createdAt), asc(participants.id));
		const participantCount = total?.n ?? 0;
		const due = candidates.map((p) => ({
			...p,
			dedupeKey: `reminder:${p.participantId}:${p.reminderCount + 1}`
		}));
		if (input.dryRun) return countOnly(participantCount, due);
		const queued = await insertMessages(tx, {
			wave,
			kind: 'reminder',
			lang: input.lang,
			origin: input.origin,
			recipients: due
		});
		const result = { queued: queued.length, skipped: participantCount - queued.length };
		await recordAudit(tx, {
			actor: input.actor,
			action: 'reminders.queue',
			subject: wave.slug,
			details: { ...result }
		});
		return result;
	});
}
