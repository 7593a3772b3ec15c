import { openDatabase, type TDatabase } from '../db/client.ts';
import { createDatabaseFromTemplate, pgliteTemplate } from './template-database.ts';

/**
 * A fresh, migrated database with the built-in data for one test file: in-memory PGlite by default, or a
 * new database on the PostgreSQL server named by DATABASE_URL (dropped again by `close`). Both are copies
 * of a template made once (template-database.ts), not migrated anew per file.
 */
export async function createTestDatabase(): Promise<TDatabase & { url?: string }> {
	const adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate() });
	const scratch = await createDatabaseFromTemplate(adminUrl, 't');
	const database = await openDatabase({ url: scratch.url, poolSize: 5 });
	return {
		...database,
		url: scratch.url,
		close: async () => {
			await database.close();
			await scratch.drop();
		}
	};
}
