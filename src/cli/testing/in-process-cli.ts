import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TDatabase } from '../../lib/server/db/client.ts';
import { createTestDatabase } from '../../lib/server/testing/test-database.ts';
import { runCommand } from '../run-command.ts';

export interface TCliRun {
	code: number;
	out: string;
	err: string;
}

export interface TInProcessCli {
	/** The test file's own database (a copy of the template), which the commands use. */
	database: TDatabase & { url?: string };
	/** The working folder relative file names are read from and written to. */
	dir: string;
	/** Runs `mognad <args>` in this process; `input` is what would be piped to standard input. */
	run: (args: string[], input?: string) => Promise<TCliRun>;
	close: () => Promise<void>;
}

/**
 * The CLI as a test file runs it in its own process: `runCommand` on the file's own template-copied
 * database, output collected as the terminal would show it (one line per write). `env` is set for the
 * file's worker (ORIGIN for printed links, say); the spawned binary is tested in tests/integration.
 */
export async function startInProcessCli(env: Record<string, string> = {}): Promise<TInProcessCli> {
	const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
	Object.assign(process.env, env);
	const database = await createTestDatabase();
	const dir = mkdtempSync(path.join(tmpdir(), 'mognad-cli-'));
	return {
		database,
		dir,
		run: async (args, input) => {
			let out = '';
			let err = '';
			const code = await runCommand(
				args,
				{
					out: (text) => (out += `${text}\n`),
					err: (text) => (err += `${text}\n`),
					cwd: dir,
					input: async () => input ?? ''
				},
				{ database }
			);
			return { code, out, err };
		},
		close: async () => {
			await database.close();
			rmSync(dir, { recursive: true, force: true });
			for (const [key, value] of Object.entries(previous)) {
				if (value === undefined) delete process.env[key];
				else process.env[key] = value;
			}
		}
	};
}
