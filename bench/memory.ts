// `npm run bench:memory`: the resident memory (RSS) of the built server on the embedded database at rest
// after start, after `mognad demo` created the demo wave, and after some load (results pages, the demo
// report as PDF and Word). Prints figures; BENCHMARKS.md records them. Loopback only.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded } from '../src/cli/build-if-needed.ts';
import { signInOverHttp } from '../tests/support/admin-client.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../tests/support/app-server.ts';

const SETTLE_MS = Number(process.env.BENCH_MEMORY_SETTLE_MS ?? 3_000);
const root = path.resolve(import.meta.dirname, '..');
const slug = 'norrbotten-2020';
const admin = { email: 'bench@example.org', password: 'bench-password-123' };

buildIfNeeded(root);
console.log(
	`Mognad memory — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`
);

const dataDir = tempDataDir();
// A first start creates the database; on a busy machine that can take minutes.
let server = await startAppServer({ dataDir, startupMs: 600_000, asUsersRunIt: true });
try {
	await report('first start: at rest', server.process.pid ?? 0);
	await mognad(['demo']);
	await report('first start: at rest after `mognad demo`', server.process.pid ?? 0);
	await mognad(
		['user', 'create', '--email', admin.email, '--name', 'Bench', '--admin', '--password-stdin'],
		admin.password
	);
	// The usual case: a server started again on its data folder.
	await server.stop();
	server = await startAppServer({ dataDir, startupMs: 600_000, asUsersRunIt: true });
	const pid = server.process.pid ?? 0;
	await report('restart with the demo wave: at rest', pid);
	const client = await signInOverHttp(server.url, admin);
	for (const page of ['', '/results', '/maturity', '/change', '/report', '/report/preview']) {
		await client.get(`/admin/waves/${slug}${page}`);
	}
	await report('after the results pages', pid);
	for (const format of ['pdf', 'docx']) {
		const res = await client.get(`/admin/waves/${slug}/report/report.${format}`);
		if (res.status !== 200) throw new Error(`report.${format}: HTTP ${res.status}`);
	}
	await report('after the report as PDF and Word', pid);
} finally {
	await server.stop();
	removeDataDir(dataDir);
}

/** Waits for the server to settle, then prints its RSS and peak RSS (VmHWM). */
async function report(label: string, pid: number): Promise<void> {
	await new Promise((r) => setTimeout(r, SETTLE_MS));
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
	const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
	console.log(
		`${label.padEnd(50)} RSS ${mib(field('VmRSS')).padStart(8)}   peak ${mib(field('VmHWM')).padStart(8)}   load ${os.loadavg()[0]?.toFixed(2)}`
	);
}

/** Runs a `mognad` command; with the server holding the embedded database, it runs inside the server. */
function mognad(argv: string[], input?: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(root, 'bin', 'mognad.js'), ...argv], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: '', MOGNAD_DATA_DIR: dataDir, ORIGIN: server.url },
			stdio: ['pipe', 'ignore', 'inherit']
		});
		child.stdin.end(input ?? '');
		child.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`mognad ${argv[0]}: exit ${code}`))
		);
	});
}
