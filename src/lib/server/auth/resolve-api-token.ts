import { and, eq, isNull } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { apiTokens, users } from '../db/schema.ts';
import { hashToken, TOKEN_PATTERN } from '../tokens.ts';
import type { TSessionUser } from './roles.ts';

/** The user of a bearer token, or null when it is unknown, revoked, or its user is disabled. */
export async function resolveApiToken(
	db: TDb,
	token: string,
	now = new Date()
): Promise<TSessionUser | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await db
		.select({
			tokenId: apiTokens.id,
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			organisationId: users.organisationId
		})
		.from(apiTokens)
		.innerJoin(users, eq(users.id, apiTokens.userId))
		.where(
			and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt))
		);
	if (!row) return null;
	await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
	return { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisationId };
}
