// `npm run bench:export`: export throughput (rows/s) and peak memory for a wave of generated complete
// responses to the built-in questionnaire (BENCH_EXPORT_RESPONSES, default 100 000), as CSV and XLSX, on
// embedded PGlite and on PostgreSQL (DATABASE_URL, default the local server; a scratch database).

import os from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { builtInTemplate } from '../src/lib/core/testing/questionnaires.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import type { TExportFile } from '../src/lib/server/exchange/export-responses-csv.ts';
import { exportResponsesCsv } from '../src/lib/server/exchange/export-responses-csv.ts';
import { exportResponsesXlsx } from '../src/lib/server/exchange/export-responses-xlsx.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';
import { removeDataDir, tempDataDir } from '../tests/support/app-server.ts';
import { createTestBackend } from '../tests/support/test-backend.ts';
import { generate } from './answer-storage.ts';

const COUNT = Number(process.env.BENCH_EXPORT_RESPONSES ?? 100_000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const template = builtInTemplate();

/** Reads an export to its end, counting bytes; returns the seconds taken and the peak RSS meanwhile. */
async function measure(run: () => Promise<TExportFile>) {
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 50);
	const started = performance.now();
	let bytes = 0;
	try {
		const file = await run();
		await pipeline(
			file.body,
			new Writable({
				write(chunk: Buffer | string, _encoding, done) {
					bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
					done();
				}
			})
		);
	} finally {
		clearInterval(sampler);
	}
	peak = Math.max(peak, process.memoryUsage().rss);
	return { seconds: (performance.now() - started) / 1000, bytes, peakMb: peak / 1024 / 1024 };
}

async function bench(label: string, target: { url?: string; dataDir?: string }) {
	const database = await openDatabase(target);
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const wave = await createWave(database.db, {
			questionnaireCode: template.code,
			name: `Export ${Date.now()}`
		});
		const t = performance.now();
		const rows = await generate(database, template, wave.id, COUNT);
		console.log(
			`\n${label}: ${COUNT} complete responses (${rows} answer rows) generated in ${((performance.now() - t) / 1000).toFixed(1)} s; RSS before exporting ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`
		);
		const formats: Array<[string, () => Promise<TExportFile>]> = [
			['CSV', () => exportResponsesCsv(database.db, { slug: wave.slug, actor: 'bench' })],
			['XLSX', () => exportResponsesXlsx(database.db, { slug: wave.slug, actor: 'bench' })]
		];
		for (const [name, run] of formats) {
			const m = await measure(run);
			console.log(
				`  ${name}: ${m.seconds.toFixed(1)} s, ${Math.round(COUNT / m.seconds).toLocaleString('en')} rows/s, ${(m.bytes / 1024 / 1024).toFixed(1)} MB written, peak RSS ${m.peakMb.toFixed(0)} MB`
			);
		}
	} finally {
		await database.close();
	}
}

console.log(
	`Export benchmark — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
const target = process.argv[2];
if (target !== 'postgres') {
	const dataDir = tempDataDir();
	try {
		await bench('PGlite (embedded, data folder)', { dataDir });
	} finally {
		removeDataDir(dataDir);
	}
}
if (target !== 'pglite') {
	const backend = await createTestBackend('export', PG_URL);
	try {
		await bench('PostgreSQL', { url: backend.url });
	} finally {
		await backend.cleanup();
	}
}
console.log(
	`load ${os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(' ')}`
);
