import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pgliteTemplatePath } from '../../src/lib/server/testing/template-database.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface AppServer {
	url: string;
	dataDir: string;
	process: ChildProcess;
	output: () => string;
	/** Stops the server with SIGTERM (or the given signal) and waits for it to exit. */
	stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))
			);
		});
	});
}

/** A fresh data folder for the embedded database. */
export function tempDataDir(): string {
	return mkdtempSync(path.join(tmpdir(), 'mognad-test-'));
}

/**
 * A fresh data folder whose embedded database is already migrated and holds the built-in data, as after
 * the app's first start: the test template (made by the integration and e2e projects' global setup)
 * unpacked; the app makes its files private when it opens them. Neither the test nor the server it
 * starts runs initdb: a server was ready in 1.4 s with 2.2 s of CPU on it, against 6 s and 9 s on an
 * empty folder. Tests of the first start itself use `tempDataDir`.
 */
export function seededDataDir(): string {
	const template = pgliteTemplatePath();
	if (!existsSync(template))
		throw new Error(`no test database template at ${template}: the project's global setup makes it`);
	const dataDir = tempDataDir();
	const database = path.join(dataDir, 'pglite');
	mkdirSync(database, { mode: 0o700 });
	execFileSync('tar', ['--extract', '--no-same-owner', '--file', template, '--directory', database], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	return dataDir;
}

export function removeDataDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the built app (`mognad serve --no-build`) on a loopback port and waits until it answers.
 * Uses the embedded database in `dataDir` unless `env.DATABASE_URL` is given.
 */
export async function startAppServer(options: {
	dataDir: string;
	env?: Record<string, string>;
	port?: number;
	/** How long to wait for the first answer (default 60 s). */
	startupMs?: number;
	/** Node's default compilers, as in production (for benchmarks); tests leave it unset. */
	asUsersRunIt?: boolean;
}): Promise<AppServer> {
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	let log = '';
	// The tests' servers compile with V8's baseline compiler only, as the test processes themselves do (see
	// vitest.config.ts): compiling the embedded database's WebAssembly with the optimising compiler as well
	// cost a short-lived server more CPU than the optimised code saved it. Benchmarks run it as users do.
	const v8 = options.asUsersRunIt ? [] : ['--liftoff-only'];
	const child = spawn(process.execPath, [...v8, path.join(root, 'bin', 'mognad.js'), 'serve', '--no-build'], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: '',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			MOGNAD_DATA_DIR: options.dataDir,
			LOG_LEVEL: 'warn',
			NODE_ENV: 'production',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (log += d));
	child.stderr?.on('data', (d) => (log += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const startupMs = options.startupMs ?? 60_000;
	const deadline = Date.now() + startupMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
		try {
			const res = await fetch(url);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not start within ${startupMs / 1000} s:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		dataDir: options.dataDir,
		process: child,
		output: () => log,
		stop: async (signal = 'SIGTERM') => {
			if (child.exitCode === null && child.signalCode === null) child.kill(signal);
			await exited;
		}
	};
}
