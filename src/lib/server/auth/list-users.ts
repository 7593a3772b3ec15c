import { asc, eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { organisations, users } from '../db/schema.ts';

/** Every staff account, by name, with its organisation (contacts) and whether it is disabled. */
export async function listUsers(db: TDb) {
	return db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			organisationId: users.organisationId,
			organisationName: organisations.name,
			createdAt: users.createdAt,
			disabledAt: users.disabledAt
		})
		.from(users)
		.leftJoin(organisations, eq(organisations.id, users.organisationId))
		.orderBy(asc(users.name), asc(users.email));
}
