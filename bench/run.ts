// `npm run bench`: respondent page weight and completed submissions per second through the HTTP form
// flow (PGlite, and PostgreSQL when reachable), next to the raw insert rate of the same rows into
// PostgreSQL; aggregate queries over 100 000 generated responses in the long answer format. Prints
// figures; BENCHMARKS.md records them. Loopback only; bounded in count and time.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { buildIfNeeded } from '../src/cli/build-if-needed.ts';
import { answerToRows, type TAnswerMap, type TAnswerRow } from '../src/lib/core/questionnaire/answer.ts';
import { parseQuestionnaire } from '../src/lib/core/questionnaire/parse-questionnaire.ts';
import { parseSectionForm } from '../src/lib/core/questionnaire/parse-section-form.ts';
import { adminQuery, createScratchDatabase } from '../src/lib/server/testing/scratch-database.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../tests/support/app-server.ts';
import { answerWholeQuestionnaire } from '../tests/support/respondent-client.ts';
import { seedWave } from '../tests/support/seed-wave.ts';
import { templatePages } from '../tests/support/template-answers.ts';
import { createTestBackend } from '../tests/support/test-backend.ts';
import { answerStorage } from './answer-storage.ts';

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const TIMING_SAMPLES = 220;
const STORAGE_RESPONSES = Number(process.env.BENCH_STORAGE_RESPONSES ?? 100_000);
const SURVEYJS_GZIP_BYTES = 417 * 1024;

const root = path.resolve(import.meta.dirname, '..');
const parsedTemplate = parseQuestionnaire(
	JSON.parse(readFileSync(path.join(root, 'questionnaires/digital-mognad-i-kommuner.json'), 'utf8'))
);
if (!parsedTemplate.ok) throw new Error(parsedTemplate.errors.join('\n'));
const template = parsedTemplate.questionnaire;

buildIfNeeded(root);
console.log(
	`Mognad benchmarks — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`
);

await pageWeight();
const pgReachable = await canReach(PG_URL);
await throughput('PGlite (embedded)', undefined);
if (pgReachable) {
	await throughput('PostgreSQL, one app process', PG_URL);
	await throughput('PostgreSQL, two app processes', PG_URL, 2);
	await rawInsertRate(PG_URL);
	const backend = await createTestBackend('storage', PG_URL);
	try {
		await answerStorage('PostgreSQL', { url: backend.url }, template, STORAGE_RESPONSES);
	} finally {
		await backend.cleanup();
	}
} else {
	console.log(`PostgreSQL not reachable at ${PG_URL}: skipped its figures.`);
}
const storageDir = tempDataDir();
try {
	await answerStorage('PGlite', { dataDir: storageDir }, template, STORAGE_RESPONSES);
} finally {
	removeDataDir(storageDir);
}
process.exit(0);

/** Bytes over the wire for one question page and its stylesheet, as a browser asking for br/gzip gets them. */
async function pageWeight() {
	const dataDir = tempDataDir();
	const { tokens } = await seedWave({ dataDir, slug: 'vikt', mode: 'invite', participants: 1 });
	const server = await startAppServer({ dataDir, asUsersRunIt: true });
	try {
		const pagePath = `/s/${tokens[0]}/sida/omvarld`;
		const html = await rawGet(server.url, pagePath, 'br, gzip');
		const plain = await rawGet(server.url, pagePath, 'identity');
		const css = [...plain.body.toString('utf8').matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1] ?? '');
		const scripts = [...plain.body.toString('utf8').matchAll(/<script/g)].length;
		let cssBytes = 0;
		for (const href of css)
			cssBytes += (await rawGet(server.url, href.startsWith('/') ? href : `/${href}`, 'br, gzip')).body
				.length;
		const total = html.body.length + cssBytes;
		console.log('\nRespondent page weight (the heaviest question page, "Omvärld och drivkrafter")');
		console.log(
			`  HTML: ${plain.body.length} B uncompressed, ${html.body.length} B as sent (${html.encoding})`
		);
		console.log(`  CSS:  ${cssBytes} B as sent (${css.length} file)   JavaScript: ${scripts} script tags`);
		console.log(
			`  total: ${(total / 1024).toFixed(1)} KB  vs SurveyJS respondent bundle ~417 KB gzipped (${(SURVEYJS_GZIP_BYTES / total).toFixed(0)}× smaller)`
		);
		console.log(
			`  (for reference: HTML gzip -9 ${gzipSync(plain.body, { level: 9 }).length} B, brotli ${brotliCompressSync(plain.body).length} B)`
		);
		await tokenTiming(server.url, tokens[0] ?? '');
	} finally {
		await server.stop();
		removeDataDir(dataDir);
	}
}

/**
 * Median time of the respondent link for a token that exists and for one that does not (same format), the
 * requests interleaved: the two should not be told apart.
 */
async function tokenTiming(baseUrl: string, token: string) {
	const samples = { known: [] as number[], unknown: [] as number[] };
	for (let i = 0; i < TIMING_SAMPLES; i++) {
		for (const kind of ['known', 'unknown'] as const) {
			const started = performance.now();
			await rawGet(baseUrl, `/s/${kind === 'known' ? token : randomBytes(32).toString('base64url')}`, 'br');
			if (i >= 20) samples[kind].push(performance.now() - started);
		}
	}
	const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
	console.log(
		`  link response time, median of ${TIMING_SAMPLES - 20}: existing token ${median(samples.known).toFixed(2)} ms, unknown token ${median(samples.unknown).toFixed(2)} ms`
	);
}

/**
 * Completed questionnaires per second: every page posted and the page it redirects to fetched, as a
 * browser does. With `servers` > 1, several app processes share one PostgreSQL database (the scale-out).
 */
async function throughput(label: string, adminUrl: string | undefined, servers = 1) {
	const backend = adminUrl ? await createTestBackend('bench', adminUrl) : null;
	const dataDirs = Array.from({ length: servers }, () => tempDataDir());
	const url = backend?.url;
	const { tokens } = await seedWave({
		dataDir: dataDirs[0],
		url,
		slug: 'fart',
		mode: 'invite',
		participants: RESPONDENTS
	});
	const apps = [];
	for (const dataDir of dataDirs)
		apps.push(await startAppServer({ dataDir, env: url ? { DATABASE_URL: url } : {}, asUsersRunIt: true }));
	const urls = apps.map((a) => a.url);
	try {
		// Warm-up: a few respondents, not counted.
		await runPool(tokens.slice(0, CONCURRENCY), urls, 0);
		const measured = tokens.slice(CONCURRENCY);
		const started = performance.now();
		await runPool(measured, urls, CONCURRENCY);
		const seconds = (performance.now() - started) / 1000;
		const requests = measured.length * (templatePages(0).length + 1) * 2;
		console.log(`\nHTTP form flow, ${label}: ${measured.length} respondents, ${CONCURRENCY} at a time`);
		console.log(
			`  ${(measured.length / seconds).toFixed(1)} completed submissions/s, ${(requests / seconds).toFixed(0)} requests/s (${seconds.toFixed(1)} s)`
		);
	} finally {
		for (const app of apps) await app.stop();
		for (const dir of dataDirs) removeDataDir(dir);
		await backend?.cleanup();
	}
}

async function runPool(tokens: string[], baseUrls: string[], offset: number) {
	let next = 0;
	const worker = async (w: number) => {
		while (next < tokens.length) {
			const i = next++;
			await answerWholeQuestionnaire(
				baseUrls[w % baseUrls.length] ?? '',
				tokens[i] ?? '',
				i + offset,
				() => {},
				true
			);
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
}

/** The rows one respondent's answers become, computed by the same code the form flow uses. */
function answerRowsFor(seed: number): TAnswerRow[] {
	const answers: TAnswerMap = {};
	for (const page of templatePages(seed)) {
		const section = template.sections.find((s) => s.code === page.section);
		if (!section) throw new Error(`no section ${page.section}`);
		const parsed = parseSectionForm({
			questionnaire: template,
			section,
			form: page.fields,
			previous: answers,
			mode: 'invite',
			lang: 'sv'
		});
		Object.assign(answers, parsed.answers);
	}
	const questions = template.sections.flatMap((s) => s.questions);
	return Object.entries(answers).flatMap(([code, answer]) => {
		const question = questions.find((q) => q.code === code);
		return question ? answerToRows(question, answer) : [];
	});
}

/** The limit: the same response and answer rows inserted straight into PostgreSQL, one transaction each. */
async function rawInsertRate(adminUrl: string) {
	const scratch = await createScratchDatabase(adminUrl, 'raw');
	await seedWave({ url: scratch.url, slug: 'raw', mode: 'invite', participants: RESPONDENTS });
	const pool = new pg.Pool({ connectionString: scratch.url, max: CONCURRENCY });
	// An idle connection the server cuts would otherwise end the run with an unhandled 'error' event.
	pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
	try {
		const { rows: participants } = await pool.query<{ id: string; wave_id: string; organisation_id: string }>(
			'select id, wave_id, organisation_id from participants'
		);
		const started = performance.now();
		let next = 0;
		let answerRows = 0;
		const worker = async () => {
			for (let i = next++; i < participants.length; i = next++) {
				const p = participants[i];
				if (!p) break;
				const rows = answerRowsFor(i);
				answerRows += rows.length;
				const client = await pool.connect();
				try {
					await client.query('begin');
					const r = await client.query<{ id: string }>(
						"insert into responses (wave_id, participant_id, organisation_id, status, submitted_at) values ($1, $2, $3, 'complete', now()) returning id",
						[p.wave_id, p.id, p.organisation_id]
					);
					const values = rows.flatMap((row) => [
						r.rows[0]?.id,
						p.wave_id,
						row.questionCode,
						row.optionCode,
						row.valueNum,
						row.valueText
					]);
					const tuples = rows.map(
						(_, k) =>
							`($${k * 6 + 1}, $${k * 6 + 2}, $${k * 6 + 3}, $${k * 6 + 4}, $${k * 6 + 5}, $${k * 6 + 6})`
					);
					await client.query(
						`insert into answers (response_id, wave_id, question_code, option_code, value_num, value_text) values ${tuples.join(', ')}`,
						values
					);
					await client.query('commit');
				} finally {
					client.release();
				}
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		const seconds = (performance.now() - started) / 1000;
		console.log(
			`\nRaw insert into PostgreSQL (the limit): ${participants.length} responses, ${(answerRows / participants.length).toFixed(1)} answer rows each, ${CONCURRENCY} connections`
		);
		console.log(`  ${(participants.length / seconds).toFixed(0)} responses/s (${seconds.toFixed(2)} s)`);
	} finally {
		await pool.end();
		await scratch.drop();
	}
}

async function canReach(url: string): Promise<boolean> {
	try {
		await adminQuery(url, 'select 1');
		return true;
	} catch {
		return false;
	}
}

function rawGet(
	baseUrl: string,
	pathname: string,
	encoding: string
): Promise<{ body: Buffer; encoding: string }> {
	return new Promise((resolve, reject) => {
		const req = request(`${baseUrl}${pathname}`, { headers: { 'accept-encoding': encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () =>
				resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? 'none') })
			);
		});
		req.on('error', reject);
		req.end();
	});
}
