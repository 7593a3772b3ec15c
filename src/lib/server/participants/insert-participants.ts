import type { TDb, TTx } from '../db/client.ts';
import { participants } from '../db/schema.ts';
import { generateToken, hashToken } from '../tokens.ts';

export interface TNewParticipant {
	name?: string | null;
	email?: string | null;
	title?: string | null;
	organisationId: string;
	roleGroup: string | null;
}

// 8 columns a row: far below PostgreSQL's 65 535 parameters a statement.
const BATCH = 1000;

/**
 * Inserts participants of one wave with a new personal token each; returns their ids and tokens in the order given.
 * Only hashes are stored, so this is the one moment the tokens exist. Call inside a transaction.
 */
export async function insertParticipants(db: TDb | TTx, waveId: string, rows: TNewParticipant[]) {
	const inserted: { id: string; token: string }[] = [];
	for (let start = 0; start < rows.length; start += BATCH) {
		const batch = rows.slice(start, start + BATCH).map((row) => {
			const token = generateToken();
			return { row, token, tokenHash: hashToken(token) };
		});
		const ids = await db
			.insert(participants)
			.values(
				batch.map(({ row, tokenHash }) => ({
					waveId,
					name: row.name || null,
					email: row.email || null,
					title: row.title || null,
					organisationId: row.organisationId,
					roleGroup: row.roleGroup,
					tokenHash
				}))
			)
			.returning({ id: participants.id, tokenHash: participants.tokenHash });
		// RETURNING promises no order: match the rows back by their token's hash.
		const idOf = new Map(ids.map((r) => [r.tokenHash, r.id]));
		for (const { token, tokenHash } of batch) inserted.push({ id: idOf.get(tokenHash) ?? '', token });
	}
	return inserted;
}
