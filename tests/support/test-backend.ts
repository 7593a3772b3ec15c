import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { removeDataDir, tempDataDir } from './app-server.ts';

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
 * Where a whole-process test keeps its data: a fresh PGlite folder, or — when DATABASE_URL names a
 * PostgreSQL server — a fresh database on it, dropped again by `cleanup`.
 */
export async function createTestBackend(
	prefix: string,
	admin = process.env.DATABASE_URL
): Promise<TestBackend> {
	const dataDir = tempDataDir();
	if (!admin) return { dataDir, env: {}, cleanup: async () => removeDataDir(dataDir) };
	const name = `mognad_${prefix}_${randomBytes(4).toString('hex')}`;
	await adminQuery(admin, `create database ${name}`);
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return {
		dataDir,
		url: url.toString(),
		env: { DATABASE_URL: url.toString() },
		cleanup: async () => {
			removeDataDir(dataDir);
			await adminQuery(admin, `drop database if exists ${name} with (force)`);
		}
	};
}

async function adminQuery(url: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}
