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
		// When the next waiting message is due: a retry's wait, or another process's lease running out.
		const [next] = await db
			.select({
				dueInMs: sql<number | null>`(extract(epoch from min(case when ${messages.status} = 'sending'
					then ${messages.lockedUntil} else ${messages.nextAttemptAt} end) - now()) * 1000)::float8`
			})
			.from(messages)
			.where(inArray(messages.status, ['queued', 'sending']));
		if (next?.dueInMs === null || next?.dueInMs === undefined) return total;
		const wait = Math.min(Math.max(Number(next.dueInMs), 0) + 10, settings.pollMs);
		await new Promise((resolve) => setTimeout(resolve, wait));
	}
}
