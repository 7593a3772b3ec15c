import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';
import type { TSessionUser } from './roles.ts';

/**
 * Revokes one of the user's own API tokens. Someone else's token, or an id edited in a form, is "not
 * found"; revoking twice is a success.
 */
export async function revokeApiToken(
	db: TDb,
	user: Pick<TSessionUser, 'id' | 'email'>,
	tokenId: string,
	now = new Date()
): Promise<void> {
	const notFound = new AppError('NOT_FOUND', 'No such API token');
	if (!z.uuid().safeParse(tokenId).success) throw notFound;
	await db.transaction(async (tx) => {
		const [token] = await tx
			.select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
			.from(apiTokens)
			.where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, user.id)));
		if (!token) throw notFound;
		if (token.revokedAt) return;
		await tx
			.update(apiTokens)
			.set({ revokedAt: now })
			.where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
		await recordAudit(tx, {
			actor: user.email,
			action: 'api_token.revoke',
			subject: token.name,
			details: { id: token.id }
		});
	});
}
