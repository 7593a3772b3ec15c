import { desc, eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';

/** A user's API tokens, newest first (names and dates; the tokens themselves are not kept). */
export async function listApiTokens(db: TDb, userId: string) {
	return db
		.select({
			id: apiTokens.id,
			name: apiTokens.name,
			createdAt: apiTokens.createdAt,
			lastUsedAt: apiTokens.lastUsedAt,
			revokedAt: apiTokens.revokedAt
		})
		.from(apiTokens)
		.where(eq(apiTokens.userId, userId))
		.orderBy(desc(apiTokens.createdAt));
}
