import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { sessions } from '../db/schema.ts';
import { hashToken } from '../tokens.ts';

/** Ends the session of a cookie's token (signing out); an unknown token changes nothing. */
export async function deleteSession(db: TDb, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
