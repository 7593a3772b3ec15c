import { createScratchDatabase } from '../../src/lib/server/testing/scratch-database.ts';
import { removeDataDir, seededDataDir, tempDataDir } from './app-server.ts';

export interface TestBackend {
	/** Embedded database folder (also used when PostgreSQL is chosen, for the server's lock file). */
	dataDir: string;
	/** The PostgreSQL database of this test file, when DATABASE_URL is set. */
	url?: string;
	/** Environment for a server process started on this backend. */
	env: Record<string, string>;
	cleanup: () => Promise<void>;
}

/**
 * Where a whole-process test keeps its data: a fresh PGlite folder (migrated, with the built-in data), or — when DATABASE_URL names a
 * PostgreSQL server — a fresh database on it, dropped again by `cleanup`.
 */
export async function createTestBackend(
	prefix: string,
	admin = process.env.DATABASE_URL
): Promise<TestBackend> {
	if (!admin) {
		const dataDir = seededDataDir();
		return { dataDir, env: {}, cleanup: async () => removeDataDir(dataDir) };
	}
	const dataDir = tempDataDir();
	const scratch = await createScratchDatabase(admin, prefix);
	return {
		dataDir,
		url: scratch.url,
		env: { DATABASE_URL: scratch.url },
		cleanup: async () => {
			removeDataDir(dataDir);
			await scratch.drop();
		}
	};
}
