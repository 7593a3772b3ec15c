// `npm run bench:results`: the results engine over 100 000 generated complete responses of the built-in
// questionnaire, next to hand-written GROUP BYs over the same answers (the limit), on PostgreSQL and on
// PGlite. Each figure is the median of several runs, printed with the load average before it (the
// machine may be shared). The generated wave is kept between runs when BENCH_KEEP names where:
//   BENCH_PG_URL    a PostgreSQL database to use as it is (else a scratch database, dropped at the end)
//   BENCH_PGLITE    a PGlite data folder to use as it is (else a temporary one, removed at the end)
//   BENCH_ONLY      postgres | pglite: one of the two
//   BENCH_RUNS      runs per figure (default 5)

import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parseQuestionnaire } from '../src/lib/core/questionnaire/parse-questionnaire.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { computeMaturity } from '../src/lib/server/results/compute-maturity.ts';
import { getWaveResults } from '../src/lib/server/results/get-wave-results.ts';
import { rowsOf } from '../src/lib/server/results/response-scope.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { createScratchDatabase } from '../src/lib/server/testing/scratch-database.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';
import { removeDataDir, tempDataDir } from '../tests/support/app-server.ts';
import { generate, handWrittenQueries } from './answer-storage.ts';

const RESPONSES = Number(process.env.BENCH_STORAGE_RESPONSES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const SLUG = 'resultatbenchmark';

const root = path.resolve(import.meta.dirname, '..');
const parsed = parseQuestionnaire(
	JSON.parse(readFileSync(path.join(root, 'questionnaires/digital-mognad-i-kommuner.json'), 'utf8'))
);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const template = parsed.questionnaire;

console.log(
	`Results engine benchmark — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`
);

const only = process.env.BENCH_ONLY;
if (only !== 'pglite') {
	const scratch = process.env.BENCH_PG_URL ? null : await createScratchDatabase(ADMIN_URL, 'results');
	try {
		await run('PostgreSQL', { url: process.env.BENCH_PG_URL ?? scratch?.url });
	} finally {
		await scratch?.drop();
	}
}
if (only !== 'postgres') {
	const dataDir = process.env.BENCH_PGLITE ?? tempDataDir();
	try {
		await run('PGlite', { dataDir });
	} finally {
		if (!process.env.BENCH_PGLITE) removeDataDir(dataDir);
	}
}
process.exit(0);

async function run(label: string, target: { url?: string; dataDir?: string }) {
	const database = await openDatabase(target);
	const { db } = database;
	try {
		await migrateDatabase(database);
		await loadBuiltIns(db);
		const [existing] = rowsOf<{ id: string; n: number }>(
			await db.execute(sql`select w.id, (select count(*)::int from responses r where r.wave_id = w.id) as n
				from waves w where w.slug = ${SLUG}`)
		);
		let waveId = existing?.id;
		if (!existing || existing.n !== RESPONSES) {
			if (existing)
				throw new Error(`${label}: the wave "${SLUG}" has ${existing.n} responses, not ${RESPONSES}`);
			const wave = await createWave(db, {
				questionnaireCode: template.code,
				name: 'Resultatbenchmark',
				slug: SLUG
			});
			waveId = wave.id;
			const started = performance.now();
			const rows = await generate(database, template, wave.id, RESPONSES);
			console.log(
				`\n${label}: ${RESPONSES} complete responses, ${rows} answer rows generated in ${((performance.now() - started) / 1000).toFixed(1)} s`
			);
		}
		console.log(`\n${label}, ${RESPONSES} complete responses (median of ${RUNS}; load average before each)`);
		for (const [name, query] of handWrittenQueries(waveId ?? '')) {
			await timed(`hand-written: ${name}`, () => db.execute(query));
		}
		await timed('results engine: all questions of the wave', () => getWaveResults(db, { slug: SLUG }));
		await timed('results engine: all questions, by organisation', () =>
			getWaveResults(db, { slug: SLUG, by: 'organisation' })
		);
		await timed('maturity index: region and every municipality', () => computeMaturity(db, { slug: SLUG }));
	} finally {
		await database.close();
	}
}

async function timed(name: string, work: () => Promise<unknown>): Promise<void> {
	const load = os.loadavg().map((l) => l.toFixed(2));
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await work();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(RUNS / 2)] ?? 0;
	console.log(
		`  ${name}: ${median.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}; load ${load.join(' ')})`
	);
}
