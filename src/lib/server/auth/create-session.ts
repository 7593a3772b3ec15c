import type { TDb } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { generateToken, hashToken } from '../tokens.ts';

export const SESSION_COOKIE = 'mognad_session';
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and at the latest this long after signing in. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** The end of a session seen at `now`: idle time from now, capped by its maximum age. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
	return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}

/** Starts a session for a user. The token goes into the cookie; only its SHA-256 is stored. */
export async function createSession(
	db: TDb,
	userId: string,
	now = new Date()
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = sessionExpiry(now, now);
	await db
		.insert(sessions)
		.values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
	return { token, expiresAt };
}
