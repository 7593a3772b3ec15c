import { inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

/** Failed sign-ins counted over this window; reaching the limit blocks the key for as long again. */
export const THROTTLE_WINDOW_MINUTES = 15;
/** Sign-in attempts per account (e-mail) within the window, counted before the password is checked. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures per address within the window: higher, since one office may share an address. */
export const ADDRESS_FAILURE_LIMIT = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

export interface TAttemptCount {
	/** Attempts counted against the key in its current window, this one included. */
	count: number;
	/** Set once the count reached the limit: attempts beyond the limit are refused until then. */
	blockedUntil: Date | null;
	/** This attempt is beyond the limit. */
	refused: boolean;
	/** This attempt is the first one refused in the current block (audit it once, not every time). */
	firstRefusal: boolean;
}

/**
 * Counts one attempt against a key and says whether it is within the limit, in one statement: parallel
 * requests each get their own count, so no more than `limit` of them pass. A window that has run out, or
 * a block that has ended, starts the count again; reaching `limit` blocks the key for one window.
 */
export async function countAttempt(
	db: TDb,
	key: string,
	options: { limit: number; windowMinutes?: number; now?: Date }
): Promise<TAttemptCount> {
	const { limit } = options;
	const now = options.now ?? new Date();
	const window = options.windowMinutes ?? THROTTLE_WINDOW_MINUTES;
	const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000).toISOString();
	const blockEnd = sql`${at(window)}::timestamptz`;
	const restart = sql`(${loginThrottle.blockedUntil} <= ${at(0)}::timestamptz or (${loginThrottle.blockedUntil} is null and ${loginThrottle.firstFailureAt} < ${at(-window)}::timestamptz))`;
	const failures = sql`case when ${restart} then 1 else ${loginThrottle.failures} + 1 end`;
	const [row] = await db
		.insert(loginThrottle)
		.values({ key, failures: 1, firstFailureAt: now, blockedUntil: limit <= 1 ? new Date(at(window)) : null })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures,
				firstFailureAt: sql`case when ${restart} then ${at(0)}::timestamptz else ${loginThrottle.firstFailureAt} end`,
				blockedUntil: sql`case when ${failures} >= ${limit} and (${restart} or ${loginThrottle.blockedUntil} is null) then ${blockEnd} when ${restart} then null else ${loginThrottle.blockedUntil} end`
			}
		})
		.returning({ count: loginThrottle.failures, blockedUntil: loginThrottle.blockedUntil });
	const count = row?.count ?? 1;
	return {
		count,
		blockedUntil: row?.blockedUntil ?? null,
		refused: count > limit,
		firstRefusal: count === limit + 1
	};
}

/** Forgets the attempts counted against a key (an account after a successful sign-in). */
export async function resetLoginThrottle(db: TDb, key: string): Promise<void> {
	await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
