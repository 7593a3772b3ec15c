import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { messages } from '../db/schema.ts';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'outbox'] as const;
export type TMessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A wave's e-mail: how many per kind and status, and the outbox and failed messages to read. */
export async function listWaveMessages(db: TDb, waveId: string, limit = 200) {
	const grouped = await db
		.select({ kind: messages.kind, status: messages.status, n: sql<number>`count(*)::int` })
		.from(messages)
		.where(eq(messages.waveId, waveId))
		.groupBy(messages.kind, messages.status);
	const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<TMessageStatus, number>;
	for (const g of grouped) counts[g.status] += g.n;
	const readable = await db
		.select({
			id: messages.id,
			kind: messages.kind,
			status: messages.status,
			toAddress: messages.toAddress,
			subject: messages.subject,
			bodyText: messages.bodyText,
			attempts: messages.attempts,
			lastError: messages.lastError,
			createdAt: messages.createdAt
		})
		.from(messages)
		.where(and(eq(messages.waveId, waveId), inArray(messages.status, ['outbox', 'failed'])))
		.orderBy(desc(messages.status), asc(messages.createdAt))
		.limit(limit);
	return {
		counts,
		byKind: grouped,
		outbox: readable.filter((m) => m.status === 'outbox'),
		failed: readable.filter((m) => m.status === 'failed')
	};
}
