import { hostname } from 'node:os';
import type { TConfig } from '../config.ts';

export interface TMailSettings {
	from: string;
	maxAttempts: number;
	retryBaseMs: number;
	batchSize: number;
	/** How long a claimed message stays with its process; after that another process may send it. */
	leaseMs: number;
	pollMs: number;
	/** Names this process in `messages.locked_by`. */
	workerId: string;
}

/** The sending settings from the configuration. */
export function mailSettings(config: TConfig): TMailSettings {
	return {
		from: config.MAIL_FROM,
		maxAttempts: config.MAIL_MAX_ATTEMPTS,
		retryBaseMs: config.MAIL_RETRY_BASE_MS,
		batchSize: config.MAIL_BATCH_SIZE,
		leaseMs: 5 * 60_000,
		pollMs: config.MAIL_POLL_MS,
		workerId: `${hostname()}:${process.pid}`
	};
}
