import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { apiTokens } from '../db/schema.ts';
import { generateToken, hashToken } from '../tokens.ts';
import type { TSessionUser } from './roles.ts';

export const ZApiTokenName = z.string().trim().min(1, { message: 'Give the token a name' }).max(100);

/** Creates an API token for a user. The token is returned this once; only its SHA-256 is kept. */
export async function createApiToken(
	db: TDb,
	user: Pick<TSessionUser, 'id' | 'email'>,
	name: string
): Promise<{ id: string; name: string; token: string }> {
	const label = ZApiTokenName.parse(name);
	const token = generateToken();
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({ userId: user.id, name: label, tokenHash: hashToken(token) })
			.returning({ id: apiTokens.id });
		if (!row) throw new Error('insert returned no row');
		await recordAudit(tx, {
			actor: user.email,
			action: 'api_token.create',
			subject: label,
			details: { id: row.id }
		});
		return { id: row.id, name: label, token };
	});
}
