import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type TDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { loadBuiltIns } from '../setup/load-built-ins.ts';

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
	const name = `mognad_t_${randomBytes(6).toString('hex')}`;
	await adminQuery(adminUrl, `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ url: url.toString(), poolSize: 5 });
	await migrateDatabase(database);
	await loadBuiltIns(database.db);
	return {
		...database,
		url: url.toString(),
		close: async () => {
			await database.close();
			await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
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
