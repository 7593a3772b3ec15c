import { openDatabase, type TDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { loadBuiltIns } from '../setup/load-built-ins.ts';
import { createScratchDatabase } from './scratch-database.ts';

/**
 * A fresh, migrated database with the built-in data for one test file: in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<TDatabase & { url?: string }> {
	const adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) {
		const database = await openDatabase({ dataDir: 'memory://' });
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		return database;
	}
	const scratch = await createScratchDatabase(adminUrl, 't');
	const database = await openDatabase({ url: scratch.url, poolSize: 5 });
	await migrateDatabase(database);
	await loadBuiltIns(database.db);
	return {
		...database,
		url: scratch.url,
		close: async () => {
			await database.close();
			await scratch.drop();
		}
	};
}
