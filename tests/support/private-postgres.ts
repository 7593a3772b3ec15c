import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './app-server.ts';

const run = promisify(execFile);

export interface PrivatePostgres {
	/** `postgres://…` of database `name` on this instance (superuser `mognad`, trust on loopback). */
	url: (name: string) => string;
	/** Starts the server and waits until it accepts connections. */
	start: () => Promise<void>;
	/** `pg_ctl stop -m immediate`: every server process quits at once, as in a crash or a failover. */
	crash: () => Promise<void>;
	/** Stops the server (if running) and removes its files. */
	remove: () => Promise<void>;
}

/** The bin folder of the newest PostgreSQL installed under /usr/lib/postgresql (Debian's layout), or null. */
export function postgresBinDir(): string | null {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return null;
	const versions = readdirSync(base)
		.filter(
			(v) =>
				existsSync(path.join(base, v, 'bin', 'initdb')) && existsSync(path.join(base, v, 'bin', 'pg_ctl'))
		)
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

/**
 * A PostgreSQL instance of the caller's own (initdb into a temporary folder, a free loopback port, its
 * socket in that folder), so that a test may crash and restart it without touching the system's cluster.
 * PostgreSQL refuses to run as root: as root, its tools run as the `postgres` user.
 */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
	const root = mkdtempSync(path.join(tmpdir(), 'mognad-pg-'));
	const asRoot = process.getuid?.() === 0;
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
		chownSync(root, uid, gid);
	}
	const data = path.join(root, 'data');
	const log = path.join(root, 'server.log');
	const port = await freePort();
	const tool = async (name: string, args: string[]) => {
		const [file, ...rest] = asRoot
			? ['runuser', '-u', 'postgres', '--', path.join(bin, name), ...args]
			: [path.join(bin, name), ...args];
		try {
			await run(file as string, rest, { cwd: root, timeout: 120_000 });
		} catch (error) {
			const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
			throw new Error(`${name} ${args.join(' ')} failed: ${(error as Error).message}\n${serverLog}`);
		}
	};
	const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`;
	const start = () => tool('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
	let removed = false;

	await tool('initdb', ['-D', data, '-U', 'mognad', '--auth=trust', '--encoding=UTF8', '--locale=C']);
	await start();
	return {
		url: (name) => `postgres://mognad@127.0.0.1:${port}/${name}`,
		start,
		crash: () => tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
		remove: async () => {
			if (removed) return;
			removed = true;
			if (existsSync(path.join(data, 'postmaster.pid'))) {
				await tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {});
			}
			rmSync(root, { recursive: true, force: true });
		}
	};
}
