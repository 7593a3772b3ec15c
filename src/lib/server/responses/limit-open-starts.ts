import { countAttempt } from '../auth/login-throttle.ts';
import type { TDb } from '../db/client.ts';

export interface LimitOpenStartsOptions {
	/** The client's address (web/client-address.ts). */
	address: string;
	limit: number;
	windowMinutes: number;
	now?: Date;
}

/**
 * Counts one open-link start from an address; beyond `limit` within the window the start is refused until
 * `retryAt`. The count lives in the database (login_throttle, key `open-start:<address>`), so every app
 * process shares it.
 */
export async function limitOpenStarts(
	db: TDb,
	options: LimitOpenStartsOptions
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
	const now = options.now ?? new Date();
	const counted = await countAttempt(db, `open-start:${options.address}`, {
		limit: options.limit,
		windowMinutes: options.windowMinutes,
		now
	});
	return counted.refused ? { allowed: false, retryAt: counted.blockedUntil ?? now } : { allowed: true };
}
