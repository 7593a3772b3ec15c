import { inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { messages } from '../db/schema.ts';
import type { TMailTransport } from './create-mail-transport.ts';
import type { TMailSettings } from './mail-settings.ts';
import { sendDueMessages, type TSendCounts } from './send-due-messages.ts';

/**
 * Sends until no message is waiting any more (queued, being retried after a wait, or held by another
 * process), for a command that runs without a server. Returns what this process did.
 */
export async function drainQueue(
	db: TDb,
	transport: TMailTransport | null,
	settings: TMailSettings
): Promise<TSendCounts> {
	const total: TSendCounts = { sent: 0, failed: 0, retrying: 0, outbox: 0 };
	for (;;) {
		const batch = await sendDueMessages(db, transport, settings);
		total.sent += batch.sent;
		total.failed += batch.failed;
		total.retrying += batch.retrying;
		total.outbox += batch.outbox;
		if (batch.claimed > 0) continue;
		const [next] = await db
			.select({
				waitMs: sql<number>`greatest(0, extract(epoch from min(coalesce(
				case when ${messages.status} = 'sending' then ${messages.lockedUntil} end,
				${messages.nextAttemptAt})) - now()) * 1000)::float8`
			})
			.from(messages)
			.where(inArray(messages.status, ['queued', 'sending']));
		if (next?.waitMs === null || next?.waitMs === undefined) return total;
		await new Promise((resolve) => setTimeout(resolve, Math.min(Number(next.waitMs) + 10, settings.pollMs)));
	}
}
