import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { messages } from '../db/schema.ts';

/** Queues a failed message of a wave again, with a fresh count of attempts. */
export async function retryMessage(db: TDb, options: { waveId: string; messageId: string; actor: string }) {
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(messages)
			.set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
			.where(
				and(
					eq(messages.id, options.messageId),
					eq(messages.waveId, options.waveId),
					eq(messages.status, 'failed')
				)
			)
			.returning({ id: messages.id, to: messages.toAddress });
		if (!row) throw new AppError('NOT_FOUND', 'No failed message with that id in this wave');
		await recordAudit(tx, {
			actor: options.actor,
			action: 'message.retry',
			subject: row.to,
			details: { id: row.id }
		});
		return row;
	});
}
