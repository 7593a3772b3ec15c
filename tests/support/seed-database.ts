import { openDatabase, type TDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import { loadBuiltIns } from '../../src/lib/server/setup/load-built-ins.ts';

/**
 * Where test data is seeded: an embedded database folder or a PostgreSQL URL (opened, migrated and given
 * the built-in data for the one call), or a database a caller already holds open, so that several seeds
 * share one opening (starting the embedded database costs seconds).
 */
export interface SeedTarget {
	dataDir?: string;
	url?: string;
	database?: TDatabase;
}

/** Runs `fn` on the target's database, opening (and closing) it only when the caller did not. */
export async function withSeedDatabase<T>(
	target: SeedTarget,
	fn: (database: TDatabase) => Promise<T>
): Promise<T> {
	if (target.database) return fn(target.database);
	const database = await openSeedDatabase(target);
	try {
		return await fn(database);
	} finally {
		await database.close();
	}
}

/** Opens the target's database, migrated and with the built-in data; the caller closes it. */
export async function openSeedDatabase(target: { dataDir?: string; url?: string }): Promise<TDatabase> {
	const database = await openDatabase({ url: target.url, dataDir: target.dataDir });
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		return database;
	} catch (error) {
		await database.close();
		throw error;
	}
}
