// `npm run bench:report-waves`: time and peak memory to build the full default report of a wave from its
// data (resolve: the results engine, charts, themes, maturity) and render it to PDF and Word, for the demo
// wave (20 responses, PGlite) and for a wave of BENCH_REPORT_RESPONSES (100 000) generated complete
// responses (PostgreSQL; DATABASE_URL names the server, a scratch database is made and dropped). Each
// figure is the first run, then the median of three more, with the load average before it. Rendering the
// same document again is faster: the Typst compiler reuses what did not change, as in a running server.

import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { parseQuestionnaire } from '../src/lib/core/questionnaire/parse-questionnaire.ts';
import { openDatabase, type TDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { createDemo } from '../src/lib/server/demo/create-demo.ts';
import { renderReportDocx } from '../src/lib/server/report/render-docx.ts';
import { renderReportPdf } from '../src/lib/server/report/render-pdf.ts';
import { resolveDraft } from '../src/lib/server/report/resolve-draft.ts';
import { refreshWaveScores } from '../src/lib/server/results/refresh-response-scores.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { createScratchDatabase } from '../src/lib/server/testing/scratch-database.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';
import { removeDataDir, tempDataDir } from '../tests/support/app-server.ts';
import { generate } from './answer-storage.ts';

const RESPONSES = Number(process.env.BENCH_REPORT_RESPONSES ?? 100_000);
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const RUNS = 3;

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
	peak = Math.max(peak, process.memoryUsage().rss);
}, 10);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const load = os.loadavg()[0]?.toFixed(2);
	const firstStarted = performance.now();
	let result = await work();
	const first = performance.now() - firstStarted;
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		result = await work();
		times.push(performance.now() - started);
		peak = Math.max(peak, process.memoryUsage().rss);
	}
	times.sort((a, b) => a - b);
	const size = result instanceof Uint8Array ? `  ${(result.byteLength / 1024).toFixed(0)} KiB` : '';
	console.log(
		`  ${label.padEnd(26)} first ${first.toFixed(0).padStart(6)} ms, then ${(times[1] ?? 0).toFixed(0).padStart(6)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')}; load ${load})${size}  peak RSS so far ${mib(peak)}`
	);
	return result;
}

async function measure(database: TDatabase, slug: string) {
	const { doc } = await timed('resolve (data → document)', () => resolveDraft(database.db, slug));
	await timed('render PDF', () => renderReportPdf(doc));
	await timed('render DOCX', () => renderReportDocx(doc));
	await timed('resolve + PDF + DOCX', async () => {
		const resolved = await resolveDraft(database.db, slug);
		await renderReportPdf(resolved.doc);
		return renderReportDocx(resolved.doc);
	});
}

console.log(
	`Mognad report of a wave — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`
);

if (process.env.BENCH_ONLY !== 'postgres') {
	const dataDir = tempDataDir();
	const database = await openDatabase({ dataDir });
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const demo = await createDemo(database.db);
		console.log(`\nThe demo wave (PGlite, ${demo.responses} responses)`);
		await measure(database, demo.slug);
	} finally {
		await database.close();
		removeDataDir(dataDir);
	}
}

if (process.env.BENCH_ONLY !== 'pglite') {
	const root = path.resolve(import.meta.dirname, '..');
	const parsed = parseQuestionnaire(
		JSON.parse(readFileSync(path.join(root, 'questionnaires/digital-mognad-i-kommuner.json'), 'utf8'))
	);
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
	const scratch = await createScratchDatabase(ADMIN_URL, 'report');
	const database = await openDatabase({ url: scratch.url });
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const wave = await createWave(database.db, {
			questionnaireCode: parsed.questionnaire.code,
			name: 'Rapportbenchmark',
			slug: 'rapportbenchmark'
		});
		await generate(database, parsed.questionnaire, wave.id, RESPONSES);
		// As an import does after writing: the responses' maturity scores are kept for the reports.
		const scoring = performance.now();
		await refreshWaveScores(database.db, wave.id, parsed.questionnaire);
		await database.db.execute(sql`vacuum (analyze) response_scores`);
		console.log(`\nA wave of ${RESPONSES} complete responses (PostgreSQL)`);
		console.log(
			`  maturity scores kept (once, as after an import) ${(performance.now() - scoring).toFixed(0)} ms`
		);
		await measure(database, wave.slug);
	} finally {
		await database.close();
		await scratch.drop();
	}
}

clearInterval(sampler);
console.log(`\nPeak RSS ${mib(peak)}`);
// The Typst compiler keeps the process alive.
process.exit(0);
