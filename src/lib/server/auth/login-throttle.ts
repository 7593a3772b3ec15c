import { inArray, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

/** Failed sign-ins counted over this window; reaching the limit blocks the key for as long again. */
export const THROTTLE_WINDOW_MINUTES = 15;
/** Failures per account (e-mail) within the window. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failures per address within the window: higher, since one office may share an address. */
export const ADDRESS_FAILURE_LIMIT = 20;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** When the latest of the keys' blocks ends, or null when none of them is blocked at `now`. */
export async function blockedUntil(db: TDb, keys: string[], now = new Date()): Promise<Date | null> {
	const rows = await db
		.select({ blockedUntil: loginThrottle.blockedUntil })
		.from(loginThrottle)
		.where(inArray(loginThrottle.key, keys));
	const ends = rows.map((r) => r.blockedUntil).filter((d): d is Date => d !== null && d > now);
	return ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
}

/**
 * Counts one failed sign-in against a key, in one statement (two processes counting at once both count).
 * A count older than the window starts again; reaching `limit` blocks the key for a window.
 */
export async function recordLoginFailure(
	db: TDb,
	key: string,
	limit: number,
	now = new Date()
): Promise<void> {
	const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
	const blockEnd = at(THROTTLE_WINDOW_MINUTES);
	const stale = sql`${loginThrottle.firstFailureAt} < ${at(-THROTTLE_WINDOW_MINUTES).toISOString()}::timestamptz`;
	const failures = sql`case when ${stale} then 1 else ${loginThrottle.failures} + 1 end`;
	await db
		.insert(loginThrottle)
		.values({ key, failures: 1, firstFailureAt: now, blockedUntil: limit <= 1 ? blockEnd : null })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures,
				firstFailureAt: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${loginThrottle.firstFailureAt} end`,
				blockedUntil: sql`case when ${failures} >= ${limit} then ${blockEnd.toISOString()}::timestamptz else ${loginThrottle.blockedUntil} end`
			}
		});
}

/** Forgets the failures counted against a key (an account after a successful sign-in). */
export async function resetLoginThrottle(db: TDb, key: string): Promise<void> {
	await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}
