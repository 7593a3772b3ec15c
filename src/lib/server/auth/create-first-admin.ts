import { sql } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { type CreateUserOptions, createUser } from './create-user.ts';
import type { TSessionUser } from './roles.ts';

// Held for the transaction: two setups submitted at once run one after the other, and the second sees
// that an account exists.
const SETUP_LOCK = 4242002;

/** Creates the first administrator, only while no account exists at all (the one-time setup). */
export async function createFirstAdmin(
	db: TDb,
	options: Omit<CreateUserOptions, 'role' | 'organisationId' | 'organisationCode'>
): Promise<TSessionUser> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
		const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
		if (count > 0) throw new AppError('CONFLICT', 'The first administrator has already been created');
		return createUser(tx, { ...options, role: 'admin' }, 'setup');
	});
}
