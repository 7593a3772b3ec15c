import { chmodSync, chownSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countEntries, looseEntries, loosen } from '../../src/lib/server/testing/file-modes.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';

// The embedded database's files hold password hashes and free-text answers (the WAL) and pg_control:
// no other local user may read or change them.
const base = tempDataDir();
afterAll(() => removeDataDir(base));

describe('the data folder of a running server', () => {
	it('is created 0700 with every file 0600, the control socket included, and tightened again on start', async () => {
		const dataDir = path.join(base, 'data');
		const server = await startAppServer({ dataDir });
		try {
			expect(lstatSync(path.join(dataDir, 'mognad.sock')).isSocket()).toBe(true);
			expect(countEntries(dataDir)).toBeGreaterThan(100);
			expect(looseEntries(dataDir)).toEqual([]);
		} finally {
			await server.stop();
		}
		expect(looseEntries(dataDir)).toEqual([]);

		loosen(dataDir);
		const again = await startAppServer({ dataDir });
		try {
			expect(looseEntries(dataDir)).toEqual([]);
		} finally {
			await again.stop();
		}
	});

	// Only root can give a file to another user.
	it.runIf(process.getuid?.() === 0)(
		'is refused at start, naming the file and the command, when another user owns a loose file',
		async () => {
			const dataDir = path.join(base, 'foreign');
			mkdirSync(dataDir, { mode: 0o700 });
			const planted = path.join(dataDir, 'planted');
			writeFileSync(planted, 'x');
			chmodSync(planted, 0o666);
			chownSync(planted, 65534, 65534);
			const start = startAppServer({ dataDir });
			await expect(start).rejects.toThrow(
				`${planted} (belongs to another user) cannot be made so. Fix it with: sudo chown -R root '${dataDir}' && sudo chmod -R u=rwX,go= '${dataDir}'`
			);
		}
	);
});
