import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { AppError } from '../app-error.ts';
import { logger } from '../logger.ts';
import * as schema from './schema.ts';
import { DATA_DIR_MODE, secureDataDir } from './secure-data-dir.ts';

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];

export interface TDatabase {
	db: TDb;
	kind: 'pglite' | 'postgres';
	close: () => Promise<void>;
}

export interface OpenDatabaseOptions {
	/** postgres://… for a PostgreSQL server; unset for embedded PGlite. */
	url?: string;
	/** PGlite data folder; 'memory://' for a throwaway database. */
	dataDir?: string;
	/** A PGlite data folder as a tarball (`dumpDataDir`) to start from instead of an empty database. */
	loadDataDir?: Blob;
	poolSize?: number;
}

/** The embedded database's page cache; its memory is held for the life of the process. */
const PGLITE_SHARED_BUFFERS = '16MB';

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in a folder. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<TDatabase> {
	if (options.url) {
		// Each driver is loaded only when it is the one in use.
		const [{ default: pgModule }, { drizzle: drizzlePg }] = await Promise.all([
			import('pg'),
			import('drizzle-orm/node-postgres')
		]);
		const pool = openPool(pgModule, options.url, options.poolSize ?? 10);
		// Fail at start, not on the first request.
		await pool.query('select 1');
		return { db: drizzlePg(pool, { schema }) as unknown as TDb, kind: 'postgres', close: () => pool.end() };
	}
	const dataDir = options.dataDir ?? './data';
	const target = dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir, 'pglite');
	if (!dataDir.startsWith('memory://')) {
		secureDataDir(dataDir);
		mkdirSync(target, { recursive: true, mode: DATA_DIR_MODE });
	}
	const release = dataDir.startsWith('memory://') ? () => {} : lockDataDir(target);
	try {
		const [{ PGlite }, { drizzle: drizzlePglite }, { PrivateNodeFS }] = await Promise.all([
			import('@electric-sql/pglite'),
			import('drizzle-orm/pglite'),
			import('./private-node-fs.ts')
		]);
		// initdb sizes shared_buffers for a server (128 MB), and the WASM memory it takes never shrinks. The
		// embedded database is small and its files are in the operating system's cache anyway.
		const startParams = [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
		const client = dataDir.startsWith('memory://')
			? await PGlite.create(target, { loadDataDir: options.loadDataDir, startParams })
			: await PGlite.create({
					fs: new PrivateNodeFS(target),
					loadDataDir: options.loadDataDir,
					startParams
				});
		return {
			db: drizzlePglite(client, { schema }) as unknown as TDb,
			kind: 'pglite',
			close: async () => {
				await client.close();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

// A connection the server cuts (a restart, a failover) makes its client emit 'error'; unheard, that event
// ends the process. The pool drops an idle client that fails and connects anew on the next query; a client
// checked out for a transaction fails that transaction's next query, whose error reaches the request.
function openPool(pgModule: typeof pg, url: string, max: number): pg.Pool {
	const pool = new pgModule.Pool({
		connectionString: url,
		max,
		// A server that went away without closing the socket: requests give up instead of hanging.
		connectionTimeoutMillis: 10_000,
		keepAlive: true
	});
	pool.on('connect', (client) => {
		client.on('error', (error) => logger.warn({ err: error }, 'database connection lost'));
	});
	// The pool repeats an idle client's error, which the client's own listener above has logged.
	pool.on('error', () => {});
	return pool;
}

// The embedded database can be opened by one process only; a second opener would corrupt it. A lock file
// with the owner's pid turns that into a clear error (a lock left by a dead process is taken over).
function lockDataDir(dir: string): () => void {
	const lock = path.join(dir, '..', 'mognad.lock');
	try {
		writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
	} catch {
		const owner = Number(readFileSync(lock, 'utf8'));
		if (owner && owner !== process.pid && isAlive(owner)) {
			throw new AppError(
				'DATABASE_IN_USE',
				`The embedded database in ${path.dirname(lock)} is in use by another Mognad process (pid ${owner}). Stop it first, or use a PostgreSQL server through DATABASE_URL.`
			);
		}
		writeFileSync(lock, String(process.pid));
	}
	return () => rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
