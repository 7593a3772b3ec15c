import { createHash, randomBytes } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { projectPath } from '../project-path.ts';
import { loadBuiltIns } from '../setup/load-built-ins.ts';
import { adminQuery } from './scratch-database.ts';

// What a test database starts from: the migrations, the built-in data (organisations, questionnaires) and
// the code that publishes a questionnaire. A change to any of these, or another PGlite, makes a new template.
const sources = [
	'drizzle',
	'src/lib/server/setup',
	'questionnaires',
	'src/lib/server/questionnaires',
	'src/lib/core/questionnaire',
	'node_modules/@electric-sql/pglite/package.json'
];

/** A hash of everything the migrated test database is made from. */
export function templateKey(): string {
	const hash = createHash('sha256');
	const add = (file: string) => {
		if (!existsSync(file)) return;
		if (statSync(file).isDirectory()) {
			for (const name of readdirSync(file).sort()) add(path.join(file, name));
			return;
		}
		hash.update(path.relative(projectPath(), file));
		hash.update('\0');
		hash.update(readFileSync(file));
		hash.update('\0');
	};
	for (const source of sources) add(projectPath(source));
	return hash.digest('hex').slice(0, 16);
}

/**
 * The PGlite data folder of a migrated database with the built-in data, as a tarball kept under
 * node_modules/.cache: made once per change of its sources, then loaded by every test file in a
 * fraction of what initdb, the migrations and the built-in data take.
 */
export async function pgliteTemplate(): Promise<Blob> {
	return new Blob([readFileSync(await pgliteTemplateFile())]);
}

/** Where the PGlite template's tarball of the current sources is kept (it may not be made yet). */
export function pgliteTemplatePath(): string {
	return projectPath('node_modules', '.cache', 'mognad', `test-db-${templateKey()}.tar`);
}

/** The PGlite template's tarball, made first if the current sources have none. */
export async function pgliteTemplateFile(): Promise<string> {
	const file = pgliteTemplatePath();
	if (!existsSync(file)) {
		const database = await openDatabase({ dataDir: 'memory://' });
		let tarball: Blob;
		try {
			await migrateDatabase(database);
			await loadBuiltIns(database.db);
			tarball = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
		} finally {
			await database.close();
		}
		mkdirSync(path.dirname(file), { recursive: true });
		// Written aside and renamed, so that a worker reading it never sees half a file.
		const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
		writeFileSync(partial, new Uint8Array(await tarball.arrayBuffer()));
		renameSync(partial, file);
	}
	return file;
}

/**
 * A new database on the PostgreSQL server at `adminUrl` copied from a migrated one with the built-in data
 * (`create database … template …`), like `createScratchDatabase`. The template is made once per change of
 * its sources and gets its final name only when complete. An advisory lock orders test files starting at
 * once: one makes the template while the others wait, and copies are made one at a time, since
 * PostgreSQL refuses to copy a database another session is connected to.
 */
export async function createDatabaseFromTemplate(
	adminUrl: string,
	prefix: string
): Promise<{ url: string; drop: () => Promise<void> }> {
	const template = `mognad_template_${templateKey()}`;
	const name = `mognad_${prefix}_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
	admin.on('error', () => {});
	await admin.connect();
	try {
		await admin.query('select pg_advisory_lock(4242002)');
		const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
		if (!found.rowCount) {
			const building = `${template}_${randomBytes(4).toString('hex')}`;
			await admin.query(`create database ${building}`);
			const database = await openDatabase({ url: databaseUrl(adminUrl, building), poolSize: 2 });
			try {
				await migrateDatabase(database);
				await loadBuiltIns(database.db);
			} finally {
				await database.close();
			}
			await admin.query(`alter database ${building} rename to ${template}`);
		}
		await admin.query(`create database ${name} template ${template}`);
	} finally {
		// Ending the session releases the lock.
		await admin.end();
	}
	return {
		url: databaseUrl(adminUrl, name),
		drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`)
	};
}

function databaseUrl(adminUrl: string, name: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}
