import type { TDb } from '../db/client.ts';
import { isDatabaseUnavailable } from '../db/is-database-unavailable.ts';
import { logger } from '../logger.ts';
import type { TMailTransport } from './create-mail-transport.ts';
import type { TMailSettings } from './mail-settings.ts';
import { sendDueMessages } from './send-due-messages.ts';

export interface TMailWorker {
	/** Looks for due messages now instead of at the next poll (after queueing). */
	wake: () => void;
	/** Finishes the batch under way and stops. */
	stop: () => Promise<void>;
}

// One worker per process, found through globalThis: the CLI's sources and the built server (a bundled
// copy of the same modules) run in one process and must see the same worker.
const KEY = Symbol.for('mognad.mailWorker');
type TGlobal = typeof globalThis & { [KEY]?: TMailWorker };

/** The worker running in this process, if any. */
export function runningMailWorker(): TMailWorker | null {
	return (globalThis as TGlobal)[KEY] ?? null;
}

/**
 * Sends queued e-mail in the background: polls every `pollMs`, and goes on at once while batches come
 * back full. Every app process runs one; the queue's locking keeps each message to one sender.
 */
export function startMailWorker(
	db: TDb,
	transport: TMailTransport | null,
	settings: TMailSettings
): TMailWorker {
	let stopped = false;
	let timer: NodeJS.Timeout | null = null;
	let running: Promise<void> = Promise.resolve();
	let again = false;

	const tick = async () => {
		timer = null;
		try {
			for (;;) {
				again = false;
				const batch = await sendDueMessages(db, transport, settings);
				if (batch.claimed > 0) logger.info({ ...batch }, 'mail batch');
				if (stopped || (batch.claimed < settings.batchSize && !again)) break;
			}
		} catch (error) {
			// The database may be briefly unreachable (a restart, a failover): the next poll tries again, and a
			// message claimed but not marked sent is claimed again when its lease runs out.
			if (isDatabaseUnavailable(error)) logger.warn({ err: error }, 'mail worker: database unavailable');
			else logger.error({ err: error }, 'mail worker');
		}
		if (!stopped) timer = setTimeout(schedule, settings.pollMs);
	};
	const schedule = () => {
		running = running.then(tick);
	};
	const worker: TMailWorker = {
		wake: () => {
			if (stopped) return;
			again = true;
			if (timer) {
				clearTimeout(timer);
				schedule();
			}
		},
		stop: async () => {
			stopped = true;
			if (timer) clearTimeout(timer);
			await running;
			transport?.close();
			if ((globalThis as TGlobal)[KEY] === worker) (globalThis as TGlobal)[KEY] = undefined;
		}
	};
	(globalThis as TGlobal)[KEY] = worker;
	schedule();
	return worker;
}
