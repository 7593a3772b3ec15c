import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';

// `mognad user create` as an operator runs it: on a stopped server, and inside a running one.
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = seededDataDir();
let server: AppServer | undefined;
let adaPassword = '';
afterAll(async () => {
	await server?.stop();
	removeDataDir(dataDir);
});

// Run without blocking this process, so that the server's idle connections to it are not left stale.
function mognad(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
	const child = spawn(process.execPath, [path.join(root, 'bin', 'mognad.js'), ...args], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: '', MOGNAD_DATA_DIR: dataDir, ORIGIN: '', LOG_LEVEL: '' }
	});
	let out = '';
	let err = '';
	child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
	child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
	child.stdin.end(input ?? '');
	return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

describe('mognad user create', () => {
	it('creates the first administrator with a generated password, printed once, that signs in', async () => {
		const created = await mognad([
			'user',
			'create',
			'--admin',
			'--email',
			'Ada@Example.org',
			'--name',
			'Ada Admin'
		]);
		expect(created.code, created.err).toBe(0);
		const match = /^Created admin ada@example\.org\nPassword \(shown only this once\): (\S{24})\n$/.exec(
			created.out
		);
		expect(match, created.out).not.toBeNull();
		adaPassword = match?.[1] ?? '';
		server = await startAppServer({ dataDir });
		const client = await signInOverHttp(server.url, { email: 'ada@example.org', password: match?.[1] ?? '' });
		expect((await client.get('/admin')).status).toBe(200);
		// With an account in place, the setup page is gone.
		expect((await fetch(`${server.url}/setup`)).status).toBe(404);
	});

	it('runs inside the running server, reading the password from standard input', async () => {
		if (!server) throw new Error('no server');
		const password = 'kontaktpersonens lösenord';
		const created = await mognad(
			[
				'user',
				'create',
				'--email',
				'kim@lulea.se',
				'--name',
				'Kim',
				'--role',
				'contact',
				'--organisation',
				'2580',
				'--password-stdin'
			],
			`${password}\n`
		);
		expect(created.code, created.err).toBe(0);
		expect(created.out).toBe('Created contact kim@lulea.se\n');
		const client = await signInOverHttp(server.url, { email: 'kim@lulea.se', password });
		expect((await client.get('/admin')).status).toBe(200);
		expect((await client.get('/admin/users')).status).toBe(403);
	});

	it('refuses mistakes with one clear line and creates nothing', async () => {
		const cases: Array<[string[], string | undefined, RegExp]> = [
			[
				['user', 'create', '--email', 'x@example.org', '--name', 'X', '--password-stdin'],
				'kort',
				/at least 12 characters/
			],
			[['user', 'create', '--email', 'ADA@example.org', '--name', 'Igen'], undefined, /already exists/],
			[
				['user', 'create', '--email', 'y@example.org', '--name', 'Y', '--role', 'contact'],
				undefined,
				/needs an organisation/
			],
			[
				['user', 'create', '--email', 'z@example.org', '--name', 'Z', '--role', 'chef'],
				undefined,
				/--role must be one of admin, analyst, contact, viewer/
			],
			[
				['user', 'create', '--email', 'w@example.org', '--name', 'W', '--password-stdin'],
				'',
				/nothing was read/
			],
			[['user', 'create', '--name', 'Utan adress'], undefined, /--email and --name are required/]
		];
		for (const [args, input, message] of cases) {
			const result = await mognad(args, input);
			expect(result.code, result.out).toBe(1);
			expect(result.err.split('\n')[0]).toMatch(message);
			expect(result.err.split('\n')[0]).toMatch(/^mognad: /);
		}
		if (!server) throw new Error('no server');
		const admin = await signInOverHttp(server.url, { email: 'ada@example.org', password: adaPassword });
		const list = (await admin.get('/admin/users')).body;
		expect(list.match(/@example\.org|@lulea\.se/g)?.sort()).toEqual(['@example.org', '@lulea.se']);
	});

	it('explains itself with --help', async () => {
		const help = await mognad(['user', '--help']);
		expect(help.code).toBe(0);
		expect(help.out).toContain('Usage: mognad user create --email <address> --name <name>');
		expect((await mognad(['--help'])).out).toContain('user create');
	});
});
