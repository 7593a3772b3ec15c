import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../lib/server/project-path.ts';

/**
 * Creates the embedded database in `dataDir`, when it has none yet (the server's first start), in a
 * process of its own (`mognad migrate`). initdb grows PGlite's WebAssembly memory, which never shrinks: a
 * server that created its database itself kept 383–386 MiB at rest, one started on an existing database
 * 226 MiB.
 */
export async function createDatabaseApart(dataDir: string): Promise<void> {
	if (existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'))) return;
	const child = spawn(process.execPath, [projectPath('bin', 'mognad.js'), 'migrate'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', resolve);
	});
	if (code !== 0)
		throw new Error(`could not create the database in ${dataDir} (mognad migrate: exit ${code})`);
}
