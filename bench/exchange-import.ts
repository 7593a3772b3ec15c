// Import throughput: a generated export-format CSV of complete responses (100 000 by default) imported into
// a fresh wave on PGlite and on PostgreSQL, through the same service the CLI and the import page use (read
// and check every row, then read again and write in batches inside one transaction). Prints rows per
// second and the process's peak resident memory while importing.

import { statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { importResponses } from '../src/lib/server/exchange/import-responses.ts';
import { getQuestionnaireVersion } from '../src/lib/server/questionnaires/get-questionnaire-version.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { withPeakRss, writeLargeResponseFile } from '../src/lib/server/testing/large-response-file.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';
import { removeDataDir, tempDataDir } from '../tests/support/app-server.ts';
import { createTestBackend } from '../tests/support/test-backend.ts';

const COUNT = Number(process.env.BENCH_IMPORT_RESPONSES ?? 100_000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

console.log(
	`Import benchmark — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
const work = tempDataDir();
const file = path.join(work, 'svar.csv');
let fileReady = false;

async function run(label: string, target: { url?: string; dataDir?: string }) {
	const database = await openDatabase(target);
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const wave = await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Import'
		});
		if (!fileReady) {
			const questionnaire = await getQuestionnaireVersion(database.db, wave.questionnaireVersionId);
			await writeLargeResponseFile(questionnaire, file, COUNT);
			fileReady = true;
			console.log(`File: ${COUNT} responses, ${mb(statSync(file).size)} CSV`);
		}
		const before = process.memoryUsage.rss();
		const started = performance.now();
		const { result, peakRss } = await withPeakRss(() =>
			importResponses(database.db, { waveSlug: wave.slug, source: { path: file }, actor: 'bench' })
		);
		const seconds = (performance.now() - started) / 1000;
		if (!result.ok || result.imported !== COUNT)
			throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
		const again = performance.now();
		const repeat = await importResponses(database.db, {
			waveSlug: wave.slug,
			source: { path: file },
			actor: 'bench'
		});
		const repeatSeconds = (performance.now() - again) / 1000;
		if (!repeat.ok || repeat.unchanged !== COUNT) throw new Error('re-import changed something');
		console.log(
			`${label}: imported ${COUNT} in ${seconds.toFixed(1)} s = ${Math.round(COUNT / seconds)} rows/s; ` +
				`peak RSS ${mb(peakRss)} (${mb(before)} before); re-import (all unchanged) ${repeatSeconds.toFixed(1)} s = ${Math.round(COUNT / repeatSeconds)} rows/s; load ${os.loadavg()[0]?.toFixed(1)}`
		);
	} finally {
		await database.close();
	}
}

try {
	// BENCH_ONLY=postgres or =pglite runs one database (PGlite takes about ten minutes at 100 000).
	if (process.env.BENCH_ONLY !== 'postgres') {
		const pgliteDir = tempDataDir();
		try {
			await run('PGlite', { dataDir: pgliteDir });
		} finally {
			removeDataDir(pgliteDir);
		}
	}
	if (process.env.BENCH_ONLY !== 'pglite') {
		if (await canReach(PG_URL)) {
			const backend = await createTestBackend('import', PG_URL);
			try {
				await run('PostgreSQL', { url: backend.url });
			} finally {
				await backend.cleanup();
			}
		} else console.log(`PostgreSQL not reachable at ${PG_URL}: skipped.`);
	}
} finally {
	removeDataDir(work);
}

async function canReach(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url });
	client.on('error', () => {}); // a failed connect rejects connect() below
	try {
		await client.connect();
		await client.end();
		return true;
	} catch {
		return false;
	}
}
