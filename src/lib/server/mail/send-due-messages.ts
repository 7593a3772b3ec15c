import { and, eq, inArray, sql } from 'drizzle-orm';
import { removePersonalLinks } from '../../core/mail/render-message.ts';
import type { TDb } from '../db/client.ts';
import { messages, participants } from '../db/schema.ts';
import type { TMailTransport } from './create-mail-transport.ts';
import type { TMailSettings } from './mail-settings.ts';

export interface TSendCounts {
	sent: number;
	failed: number;
	/** Failed this time, queued again for later. */
	retrying: number;
	outbox: number;
}

type TMessage = typeof messages.$inferSelect;

/**
 * Claims up to one batch of due messages and sends them (or, with no transport, moves them to the
 * outbox). Claiming takes rows other processes have not locked (`FOR UPDATE SKIP LOCKED`) and gives them
 * a lease: a message is sent by one process, and one whose process died is claimed again when its lease
 * runs out. Returns what happened to the batch (all zero when nothing was due).
 */
export async function sendDueMessages(
	db: TDb,
	transport: TMailTransport | null,
	settings: TMailSettings
): Promise<TSendCounts & { claimed: number }> {
	const claimed = await claimDueMessages(db, settings);
	const counts = { sent: 0, failed: 0, retrying: 0, outbox: 0, claimed: claimed.length };
	if (!transport) {
		if (claimed.length === 0) return counts;
		await db
			.update(messages)
			.set({ status: 'outbox', lockedBy: null, lockedUntil: null })
			.where(
				and(
					inArray(
						messages.id,
						claimed.map((m) => m.id)
					),
					eq(messages.lockedBy, settings.workerId)
				)
			);
		return { ...counts, outbox: claimed.length };
	}
	const outcomes = await Promise.all(claimed.map((m) => sendOne(db, transport, settings, m)));
	for (const outcome of outcomes) counts[outcome] += 1;
	return counts;
}

async function claimDueMessages(db: TDb, settings: TMailSettings): Promise<TMessage[]> {
	const result = await db.execute(sql`
		update ${messages}
		set status = 'sending', locked_by = ${settings.workerId},
			locked_until = now() + ${`${settings.leaseMs} milliseconds`}::interval,
			attempts = attempts + 1
		where id in (
			select id from ${messages}
			where (status = 'queued' and next_attempt_at <= now())
				or (status = 'sending' and locked_until < now())
			order by next_attempt_at, created_at
			limit ${settings.batchSize}
			for update skip locked
		)
		returning id`);
	const ids = (result as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
	if (ids.length === 0) return [];
	return db.select().from(messages).where(inArray(messages.id, ids));
}

type TOutcome = 'sent' | 'failed' | 'retrying';

async function sendOne(
	db: TDb,
	transport: TMailTransport,
	settings: TMailSettings,
	message: TMessage
): Promise<TOutcome> {
	const ours = and(eq(messages.id, message.id), eq(messages.lockedBy, settings.workerId));
	// The same Message-ID on every attempt: a receiver can recognise a message it already has.
	const messageId = `<${message.id}@${fromDomain(settings.from)}>`;
	try {
		await transport.sendMail({
			from: settings.from,
			to: message.toAddress,
			subject: message.subject,
			text: message.bodyText,
			messageId
		});
	} catch (error) {
		const code = (error as { responseCode?: number }).responseCode ?? 0;
		const text = error instanceof Error ? error.message : String(error);
		// A permanent rejection (5xx) will not change by trying again: the address bounced.
		if (code >= 500 && code < 600) {
			await db.transaction(async (tx) => {
				await tx
					.update(messages)
					.set({ status: 'failed', lastError: text, lockedBy: null, lockedUntil: null })
					.where(ours);
				if (message.participantId) {
					await tx
						.update(participants)
						.set({ bouncedAt: sql`coalesce(${participants.bouncedAt}, now())` })
						.where(eq(participants.id, message.participantId));
				}
			});
			return 'failed';
		}
		if (message.attempts >= settings.maxAttempts) {
			await db
				.update(messages)
				.set({ status: 'failed', lastError: text, lockedBy: null, lockedUntil: null })
				.where(ours);
			return 'failed';
		}
		const wait = settings.retryBaseMs * 2 ** (message.attempts - 1);
		await db
			.update(messages)
			.set({
				status: 'queued',
				lastError: text,
				lockedBy: null,
				lockedUntil: null,
				nextAttemptAt: sql`now() + ${`${wait} milliseconds`}::interval`
			})
			.where(ours);
		return 'retrying';
	}
	// Sent: keep the text for the record, without the personal links.
	await db
		.update(messages)
		.set({
			status: 'sent',
			sentAt: sql`now()`,
			smtpMessageId: messageId,
			bodyText: removePersonalLinks(message.bodyText),
			lastError: null,
			lockedBy: null,
			lockedUntil: null
		})
		.where(ours);
	return 'sent';
}

function fromDomain(from: string): string {
	const match = /@([^>\s]+)>?\s*$/.exec(from);
	return match?.[1] ?? 'localhost';
}
