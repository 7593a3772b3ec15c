import { lstatSync } from 'node:fs';
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
});
