import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countEntries, looseEntries, loosen } from '../testing/file-modes.ts';
import { openDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { secureDataDir } from './secure-data-dir.ts';

let base: string;
beforeAll(async () => {
	base = await mkdtemp(path.join(tmpdir(), 'mognad-modes-'));
});
afterAll(async () => {
	await rm(base, { recursive: true, force: true });
});

async function useDatabase(dataDir: string): Promise<void> {
	const database = await openDatabase({ dataDir });
	await migrateDatabase(database);
	// Writes reach the WAL, and a checkpoint rewrites pg_control and the data files.
	await database.db.execute(sql`create table if not exists t (note text)`);
	await database.db.execute(sql`insert into t values ('fritext')`);
	await database.db.execute(sql`checkpoint`);
	await database.close();
}

describe('the embedded database folder', () => {
	it('is created 0700 with every file in it 0600', async () => {
		const dataDir = path.join(base, 'new');
		await useDatabase(dataDir);
		expect(countEntries(dataDir)).toBeGreaterThan(100);
		expect(looseEntries(dataDir)).toEqual([]);
	});

	it('is tightened when it exists with the usual 0755 and 0666 modes', async () => {
		const dataDir = path.join(base, 'old');
		await useDatabase(dataDir);
		loosen(dataDir);
		expect(looseEntries(dataDir).length).toBeGreaterThan(100);

		await useDatabase(dataDir);
		expect(looseEntries(dataDir)).toEqual([]);
	});

	// Only root can give a file to another user.
	it.runIf(process.getuid?.() === 0)(
		'is refused, naming the path and the command, when a loose file belongs to another user',
		() => {
			const dataDir = path.join(base, 'foreign');
			mkdirSync(dataDir, { mode: 0o700 });
			const file = path.join(dataDir, 'planted');
			writeFileSync(file, 'x');
			chmodSync(file, 0o666);
			chownSync(file, 65534, 65534);
			expect(() => secureDataDir(dataDir)).toThrow(
				`The data folder ${dataDir} must be private to the user that runs Mognad, but ${file} (belongs to another user) cannot be made so. Fix it with: sudo chown -R root '${dataDir}' && sudo chmod -R u=rwX,go= '${dataDir}'`
			);
		}
	);
});
