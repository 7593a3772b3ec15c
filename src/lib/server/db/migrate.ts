import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { projectPath } from '../project-path.ts';
import type { TDatabase } from './client.ts';

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes several app processes starting
 * at once apply them one after the other instead of racing.
 */
export async function migrateDatabase(database: TDatabase, folder = projectPath('drizzle')): Promise<void> {
	if (database.kind === 'pglite') {
		await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder });
		return;
	}
	await database.db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
		await migrate(tx as unknown as NodePgDatabase, { migrationsFolder: folder });
	});
}
