// `npm run bench:cli`: the `mognad` command's start-up as users meet it, timed as whole processes (the
// median of several runs) beside `node -e 0`: `--help`, and `wave list` and `wave show` (read-only) on
// an embedded database holding the demo wave. Prints figures; BENCHMARKS.md records them.

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { removeDataDir, tempDataDir } from '../tests/support/app-server.ts';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const root = path.resolve(import.meta.dirname, '..');
const dataDir = tempDataDir();
const env = { ...process.env, DATABASE_URL: '', MOGNAD_DATA_DIR: dataDir, LOG_LEVEL: '' };

console.log(
	`Mognad CLI start-up — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0]?.toFixed(2)}`
);

/** Runs a command once and returns its wall time in seconds; throws unless it succeeds. */
function timed(args: string[]): number {
	const started = process.hrtime.bigint();
	const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (result.status !== 0) throw new Error(`${args.join(' ')} failed (${result.status}): ${result.stderr}`);
	return seconds;
}

try {
	// The demo wave, and one run of each command first so that the CLI bundle and compile cache exist,
	// as they do for anyone who has run the command before.
	timed([path.join(root, 'bin', 'mognad.js'), 'demo']);
	const cases: Array<[string, string[], number | null]> = [
		['node -e 0', ['-e', '0'], null],
		['mognad --help', [path.join(root, 'bin', 'mognad.js'), '--help'], 0.3],
		['mognad wave list', [path.join(root, 'bin', 'mognad.js'), 'wave', 'list'], 1],
		[
			'mognad wave show norrbotten-2020',
			[path.join(root, 'bin', 'mognad.js'), 'wave', 'show', 'norrbotten-2020'],
			1
		]
	];
	for (const [label, args, limit] of cases) {
		timed(args);
		const times = Array.from({ length: RUNS }, () => timed(args)).sort((a, b) => a - b);
		const median = times[Math.floor(times.length / 2)] ?? 0;
		console.log(
			`${label.padEnd(34)} median ${median.toFixed(2)} s  (${RUNS} runs: ${times[0]?.toFixed(2)}–${times.at(-1)?.toFixed(2)} s)${limit === null ? '' : `  limit ${limit} s: ${median <= limit ? 'met' : 'NOT met'}`}`
		);
	}
} finally {
	removeDataDir(dataDir);
}
