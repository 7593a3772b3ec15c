import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import { hashToken, TOKEN_PATTERN } from '../tokens.ts';
import { sessionExpiry } from './create-session.ts';
import type { TSessionUser } from './roles.ts';

// Sliding expiry without a write on every request: a session seen within the last minute is left alone.
const TOUCH_AFTER_MS = 60_000;

/**
 * The user of a session cookie's token, or null when the session is unknown, expired, or its user is
 * disabled. Extends the session's idle expiry (never past its maximum age).
 */
export async function resolveSession(db: TDb, token: string, now = new Date()): Promise<TSessionUser | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			organisationId: users.organisationId,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
	if (!row) return null;
	if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
		await db
			.update(sessions)
			.set({ lastSeenAt: now, expiresAt: sessionExpiry(row.createdAt, now) })
			.where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
	}
	return { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisationId };
}
