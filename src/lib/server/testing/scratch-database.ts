import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A new, empty database on the PostgreSQL server at `adminUrl` (a role that may create databases), for
 * one test file or benchmark; `drop` removes it again, closing any connections left.
 */
export async function createScratchDatabase(
	adminUrl: string,
	prefix: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `mognad_${prefix}_${randomBytes(6).toString('hex')}`;
	await adminQuery(adminUrl, `create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`)
	};
}

/** Runs one statement on the server with a connection of its own. */
export async function adminQuery(url: string, text: string): Promise<void> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
	// A connection cut mid-statement also fails the statement, which reports it; unheard, the client's
	// 'error' event would end the process.
	client.on('error', () => {});
	await client.connect();
	try {
		await client.query(text);
	} finally {
		await client.end();
	}
}
