import type { TDb } from '../db/client.ts';
import { users } from '../db/schema.ts';

/** Whether any staff account exists; until one does, the one-time setup page is offered. */
export async function anyUserExists(db: TDb): Promise<boolean> {
	const [row] = await db.select({ id: users.id }).from(users).limit(1);
	return row !== undefined;
}
