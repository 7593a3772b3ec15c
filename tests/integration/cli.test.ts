import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';

// The `mognad` command as a user runs it, on a fresh embedded database.
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = tempDataDir();
afterAll(() => removeDataDir(dataDir));

function mognad(...args: string[]) {
	const result = spawnSync(process.execPath, [path.join(root, 'bin', 'mognad.js'), ...args], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: '',
			MOGNAD_DATA_DIR: dataDir,
			PORT: '3000',
			ORIGIN: '',
			LOG_LEVEL: ''
		},
		encoding: 'utf8'
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Sends raw bytes to the running server's command socket and returns the replies. */
function rawSocketRequest(text: string): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		const socket = createConnection(path.join(dataDir, 'mognad.sock'), () => socket.write(text));
		let received = '';
		socket.on('data', (d) => {
			received += d;
		});
		socket.on('error', reject);
		socket.on('close', () =>
			resolve(
				received
					.trim()
					.split('\n')
					.map((line) => JSON.parse(line))
			)
		);
	});
}

describe('mognad CLI', () => {
	it('lists the built-in questionnaire after migrating', () => {
		expect(mognad('migrate').code).toBe(0);
		const list = mognad('questionnaire', 'list');
		expect(list.code).toBe(0);
		expect(list.out).toContain('digital-mognad-i-kommuner\tv3\tDigital mognad i kommuner');
		expect(list.out).toContain('digital-mognad-i-kommuner\tv1\tDigital mognad i kommuner');
	});

	it('creates an open wave and prints its slug and link', () => {
		const created = mognad(
			'wave',
			'create',
			'--questionnaire',
			'digital-mognad-i-kommuner',
			'--name',
			'Våren 2020',
			'--open',
			'--k',
			'3'
		);
		expect(created.code).toBe(0);
		expect(created.out).toBe('varen-2020\nhttp://localhost:3000/o/varen-2020\n');
	});

	it('opens, shows as JSON with response counts, and closes a wave', () => {
		expect(mognad('wave', 'open', 'varen-2020').out).toBe('varen-2020 is open\n');
		const shown = mognad('wave', 'show', 'varen-2020', '--json');
		expect(shown.code).toBe(0);
		expect(JSON.parse(shown.out)).toMatchObject({
			slug: 'varen-2020',
			mode: 'open',
			status: 'open',
			minGroupSize: 3,
			questionnaire: { code: 'digital-mognad-i-kommuner', version: 3 },
			responses: { complete: 0, partial: 0 }
		});
		expect(mognad('wave', 'close', 'varen-2020').out).toBe('varen-2020 is closed\n');
		expect(mognad('wave', 'list').out).toMatch(/^varen-2020\tclosed\topen\t0 complete\tVåren 2020$/m);
	});

	it('invites a participant and prints a personal link', () => {
		mognad(
			'wave',
			'create',
			'--questionnaire',
			'digital-mognad-i-kommuner',
			'--name',
			'Chefer',
			'--slug',
			'chefer'
		);
		const added = mognad(
			'participant',
			'add',
			'--wave',
			'chefer',
			'--organisation',
			'2580',
			'--title',
			'IT-chef'
		);
		expect(added.code).toBe(0);
		expect(added.out).toMatch(/^http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{43}\n$/);
	});

	it('prints invited, started and completed per organisation, as a table and as JSON', () => {
		const json = mognad('wave', 'status', 'chefer', '--json');
		expect(json.code).toBe(0);
		const status = JSON.parse(json.out);
		expect(status.headline.sv).toBe('Svar inkom från 0 av 1 kommun, 0 respondenter');
		const lulea = status.organisations.find((o: { code: string }) => o.code === '2580');
		expect(lulea).toMatchObject({ name: 'Luleå', invited: 1, started: 0, completed: 0, rate: 0 });
		expect(status.total).toEqual({ invited: 1, started: 0, completed: 0, rate: 0 });
		const table = mognad('wave', 'status', 'chefer');
		expect(table.out).toContain('Luleå\t1\t0\t0\t0 %\n');
		expect(table.out).toContain('Boden\t0\t0\t0\t-\n');
		expect(mognad('wave', 'status').code).toBe(1);
	});

	it('validates a questionnaire file and names the section, question and field of every error', () => {
		const file = path.join(dataDir, 'broken.json');
		writeFileSync(
			file,
			JSON.stringify({
				code: 'trasig',
				version: 1,
				title: { sv: 'Trasig' },
				sections: [
					{
						code: 's1',
						title: { sv: 'S1' },
						questions: [
							{
								code: 'a',
								type: 'single',
								text: { sv: 'A?' },
								options: [
									{ code: 'ja', label: { sv: 'Ja' } },
									{ code: 'ja', label: { sv: 'Ja igen' } }
								]
							}
						]
					}
				]
			})
		);
		const result = mognad('questionnaire', 'validate', file);
		expect(result.code).toBe(1);
		expect(result.err).toContain(
			'Section 1 "s1", question 1 "a", option 2 "ja", field "code": the code "ja" is already used'
		);
		const good = mognad(
			'questionnaire',
			'validate',
			path.join(root, 'questionnaires', 'digital-mognad-i-kommuner.json')
		);
		expect(good.code).toBe(0);
	});

	it('refuses mistakes with one clear line and a non-zero exit code', () => {
		const unknown = mognad('wave', 'show', 'finns-inte');
		expect(unknown.code).toBe(1);
		expect(unknown.err.trim()).toBe('mognad: No wave with the slug "finns-inte"');
		const duplicate = mognad(
			'wave',
			'create',
			'--questionnaire',
			'digital-mognad-i-kommuner',
			'--name',
			'Chefer',
			'--slug',
			'chefer'
		);
		expect(duplicate.code).toBe(1);
		expect(duplicate.err).toContain('already exists');
		expect(mognad('wave', 'create', '--name', 'x').code).toBe(1);
		expect(mognad('nonsense').err).toContain('unknown command "nonsense"');
		expect(mognad('wave', 'create', '--bogus').err).toContain("Unknown option '--bogus'");
	});

	it('runs commands inside a running server that holds the embedded database', async () => {
		const server = await startAppServer({ dataDir });
		try {
			const created = mognad(
				'wave',
				'create',
				'--questionnaire',
				'digital-mognad-i-kommuner',
				'--name',
				'Under drift',
				'--open'
			);
			expect(created.code, created.err).toBe(0);
			// The server's own address: the command ran in the server.
			expect(created.out).toBe(`under-drift\n${server.url}/o/under-drift\n`);
			expect(mognad('wave', 'open', 'under-drift').out).toBe('under-drift is open\n');
			const page = await fetch(`${server.url}/o/under-drift`);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('Under drift');
			// Relative file names are the caller's.
			const valid = mognad('questionnaire', 'validate', 'questionnaires/digital-mognad-i-kommuner.json');
			expect(valid.out).toContain('valid (digital-mognad-i-kommuner v3)');
			const refused = mognad('wave', 'show', 'finns-inte');
			expect(refused.code).toBe(1);
			expect(refused.err).toMatch(/^mognad: .*finns-inte/);
			expect(mognad('serve', '--no-build').err).toMatch(/^mognad: The embedded database .* is in use/);
			// A malformed request on the socket gets a clear error, and the server goes on.
			expect(await rawSocketRequest('not json\n')).toEqual([
				{ err: expect.stringMatching(/^mognad: invalid request: .*JSON/) },
				{ exit: 2 }
			]);
			expect(await rawSocketRequest(`${JSON.stringify({ argv: 'wave list' })}\n`)).toEqual([
				{
					err: 'mognad: invalid request: argv: Invalid input: expected array, received string; cwd: Invalid input: expected string, received undefined'
				},
				{ exit: 2 }
			]);
			expect(mognad('wave', 'list').code).toBe(0);
		} finally {
			await server.stop();
		}
		// Stopped: the socket is gone and the command opens the database itself.
		expect(existsSync(path.join(dataDir, 'mognad.sock'))).toBe(false);
		expect(mognad('wave', 'list').out).toContain('under-drift\topen\topen');
	});

	it('refuses to open the embedded database while another process has it', async () => {
		const database = await openDatabase({ dataDir });
		try {
			const result = mognad('wave', 'list');
			expect(result.code).toBe(1);
			expect(result.err).toMatch(
				/^mognad: The embedded database in .* is in use by another Mognad process \(pid \d+\)/
			);
		} finally {
			await database.close();
		}
		expect(mognad('wave', 'list').code).toBe(0);
	});

	it('has --help for every command', () => {
		for (const command of ['serve', 'migrate', 'questionnaire', 'wave', 'participant']) {
			const help = mognad(command, '--help');
			expect(help.code, command).toBe(0);
			expect(help.out, command).toMatch(new RegExp(`Usage:[\\s\\S]*mognad ${command}`));
		}
		expect(mognad('--help').out).toContain('Commands:');
	});
});
