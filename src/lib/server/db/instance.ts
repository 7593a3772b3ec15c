import type { TDatabase } from './client.ts';

// One database per process. The key lives on globalThis because the CLI (running the sources) and the
// built server (a bundled copy of the same modules) must share it: PGlite allows a single opener.
const KEY = Symbol.for('mognad.database');
type TGlobal = typeof globalThis & { [KEY]?: Promise<TDatabase> };

/** The process's database, opened, migrated and loaded with the built-in data on first use. */
export function getDatabase(): Promise<TDatabase> {
	const g = globalThis as TGlobal;
	g[KEY] ??= (async () => {
		// Loaded here, not above: the CLI imports this module for closeDatabase, and a command that needs no
		// database should not wait for the database drivers.
		const [{ readConfig }, { logger }, { loadBuiltIns }, { openDatabase }, { migrateDatabase }] =
			await Promise.all([
				import('../config.ts'),
				import('../logger.ts'),
				import('../setup/load-built-ins.ts'),
				import('./client.ts'),
				import('./migrate.ts')
			]);
		const config = readConfig();
		const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.MOGNAD_DATA_DIR });
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		logger.info({ kind: database.kind }, 'database ready');
		return database;
	})();
	const opening = g[KEY];
	// A server that was not reachable yet is tried again on the next call instead of failing for good.
	opening.catch(() => {
		if (g[KEY] === opening) g[KEY] = undefined;
	});
	return opening;
}

/** Closes the process's database, if it was opened. */
export async function closeDatabase(): Promise<void> {
	const g = globalThis as TGlobal;
	const pending = g[KEY];
	g[KEY] = undefined;
	// A database that failed to open has nothing to close; its error was already reported.
	const database = await pending?.catch(() => null);
	await database?.close();
}

/** Makes `database` the process's database, for code that runs commands in a test's process. */
export function useDatabase(database: TDatabase): void {
	(globalThis as TGlobal)[KEY] = Promise.resolve(database);
}
