import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/lib/core/spreadsheet/table.ts';
import { MAX_RESPONSE_UPLOAD_BYTES } from '../../src/lib/server/exchange/import-uploads.ts';
import { zipBombXlsx } from '../../src/lib/server/testing/zip-bomb.ts';
import { UPLOAD_FORM_OVERHEAD } from '../../src/lib/server/web/read-upload.ts';
import { BODY_SIZE_LIMIT_BYTES, formatLimit, UPLOAD_LIMITS } from '../../src/lib/server/web/upload-limits.ts';
import { type SeededUser, seedUsers, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { seedWave } from '../support/seed-wave.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Every upload form refuses a file above its limit (README.md, "Upload limits") with its own message,
// not the server's bare request limit; a zip bomb is refused before it is unpacked; and the import page's
// upload waits in the database, for its own user, where a second app process finds it (PostgreSQL).
const onPostgres = Boolean(process.env.DATABASE_URL);
let backend: TestBackend;
let server: AppServer;
let second: AppServer | null = null;
const secondDir = tempDataDir();
let users: Record<'admin' | 'analyst', SeededUser>;
const slug = 'uppladdning';

beforeAll(async () => {
	backend = await createTestBackend('upl');
	const target = { dataDir: backend.dataDir, url: backend.url };
	users = await seedUsers(target, ['admin', 'analyst']);
	await seedWave({ ...target, slug, mode: 'open', status: 'open' });
	server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	if (onPostgres) second = await startAppServer({ dataDir: secondDir, env: backend.env });
});
afterAll(async () => {
	await server?.stop();
	await second?.stop();
	await backend?.cleanup();
	removeDataDir(secondDir);
});

interface Posted {
	status: number;
	location: string | null;
	body: string;
}

async function postFile(
	baseUrl: string,
	cookie: string,
	path: string,
	file: { name: string; bytes: Uint8Array },
	options: { chunked?: boolean } = {}
): Promise<Posted> {
	const form = new FormData();
	form.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name);
	let body: BodyInit = form;
	let headers: Record<string, string> = {};
	if (options.chunked) {
		// The same multipart body sent without a content-length: the limit must be counted while reading.
		const encoded = new Response(form);
		headers = { 'content-type': encoded.headers.get('content-type') ?? '' };
		body = encoded.body as ReadableStream<Uint8Array>;
	}
	const res = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: baseUrl, accept: 'text/html', ...headers },
		body,
		...(options.chunked ? { duplex: 'half' } : {})
	} as RequestInit);
	return { status: res.status, location: res.headers.get('location'), body: await res.text() };
}

const filled = (bytes: number, text = 'a') => new TextEncoder().encode(text.repeat(bytes));

// Long ids make a file above 1 MB with a third of the rows to import (the import's time is per row).
const csv = (rows: number) => {
	const lines = ['response_id;organisation_code;status'];
	for (let i = 1; i <= rows; i++) lines.push(`svar-fran-den-gamla-enkatverktygets-export-${i};2580;complete`);
	return new TextEncoder().encode(`${lines.join('\n')}\n`);
};

describe('upload limits', () => {
	it('match the README', () => {
		expect(UPLOAD_LIMITS).toEqual({
			questionnaire: 1_000_000,
			limesurvey: 5 * 1024 * 1024,
			translation: 1_000_000,
			participants: 10 * 1024 * 1024,
			organisations: 10 * 1024 * 1024,
			responses: 64 * 1024 * 1024
		});
		expect(MAX_IMPORT_BYTES).toBe(UPLOAD_LIMITS.participants);
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const row = (start: string) => readme.split('\n').find((line) => line.startsWith(`| ${start}`)) ?? '';
		expect(row('questionnaire')).toContain(`| ${formatLimit(UPLOAD_LIMITS.questionnaire)} `);
		expect(row('LimeSurvey survey')).toContain(`| ${formatLimit(UPLOAD_LIMITS.limesurvey)} `);
		expect(row('translation')).toContain(`| ${formatLimit(UPLOAD_LIMITS.translation)} `);
		expect(row('participants')).toContain(`| ${formatLimit(UPLOAD_LIMITS.participants)} `);
		expect(row('organisations')).toContain(`| ${formatLimit(UPLOAD_LIMITS.organisations)} `);
		expect(row('responses, the import page')).toContain(`| ${formatLimit(UPLOAD_LIMITS.responses)} `);
		expect(row('responses, `mognad import responses`')).toContain('| 512 MB ');
		expect(readme).toContain(
			`default ${BODY_SIZE_LIMIT_BYTES.toLocaleString('sv').replace(/\s/g, ' ')} bytes`
		);
	});

	it('refuse a questionnaire or translation over 1 MB and a LimeSurvey file over 5 MB with 413 and the limit, by length or while reading a chunked body', async () => {
		const admin = await signInOverHttp(server.url, users.admin);
		const big = { name: 'enkat.json', bytes: filled(UPLOAD_LIMITS.questionnaire + 1) };
		for (const chunked of [false, true]) {
			const res = await postFile(server.url, admin.cookie, '/admin/questionnaires?/upload', big, { chunked });
			expect(res.status).toBe(413);
			expect(res.body).toContain('Filen är större än 1 MB.');
		}
		// At the limit the file is read (and refused for what it holds, not its size).
		const atLimit = { name: 'enkat.json', bytes: filled(UPLOAD_LIMITS.questionnaire, ' ') };
		const res = await postFile(server.url, admin.cookie, '/admin/questionnaires?/upload', atLimit);
		expect(res.status).toBe(400);
		expect(res.body).not.toContain('större än 1 MB');
		const lss = { name: 'enkat.lss', bytes: filled(UPLOAD_LIMITS.limesurvey + 1) };
		const refused = await postFile(server.url, admin.cookie, '/admin/questionnaires?/importLimeSurvey', lss);
		expect(refused.status).toBe(413);
		expect(refused.body).toContain('Filen är större än 5 MB.');
		// Under the limit, a LimeSurvey file becomes a draft, and the page lists what it left out.
		const survey = {
			name: 'rangordning.lss',
			bytes: readFileSync(
				new URL('../fixtures/limesurvey/limesurvey_survey_836215_ranking_with_condition.lss', import.meta.url)
			)
		};
		const imported = await postFile(
			server.url,
			admin.cookie,
			'/admin/questionnaires?/importLimeSurvey',
			survey
		);
		expect(imported.status).toBe(200);
		expect(imported.body).toContain('Utkastet ls_836215 skapades, med 1 av filens frågor.');
		expect(imported.body).toContain('<li>Q00: en rangordningsfråga, som enkätmodellen inte har</li>');
		expect(imported.body).toContain('href="/admin/questionnaires/ls_836215/draft"');
		// A translator's XLIFF file over 1 MB, on that draft's languages page.
		const xlf = { name: 'enkat-fi.xlf', bytes: filled(UPLOAD_LIMITS.translation + 1) };
		const translation = await postFile(
			server.url,
			admin.cookie,
			'/admin/questionnaires/ls_836215/draft/languages?/import',
			xlf
		);
		expect(translation.status).toBe(413);
		expect(translation.body).toContain('Filen är för stor: en översättning får vara högst 1 MB.');
	});

	it('refuse participant and organisation lists over 10 MB with 413 and the limit', async () => {
		const admin = await signInOverHttp(server.url, users.admin);
		const big = { name: 'lista.csv', bytes: filled(UPLOAD_LIMITS.participants + 1) };
		for (const path of [`/admin/waves/${slug}/participants?/import`, '/admin/organisations?/import']) {
			const res = await postFile(server.url, admin.cookie, path, big);
			expect(res.status, path).toBe(413);
			expect(res.body, path).toContain('Filen är större än 10 MB, det största som tas emot.');
		}
	});

	it('refuse a response file over 64 MB with 413, naming the command for larger files', async () => {
		const analyst = await signInOverHttp(server.url, users.analyst);
		const big = { name: 'svar.csv', bytes: filled(MAX_RESPONSE_UPLOAD_BYTES + 1) };
		const res = await postFile(server.url, analyst.cookie, `/admin/waves/${slug}/import?/upload`, big);
		expect(res.status).toBe(413);
		expect(res.body).toContain(
			'Filen är större än 64 MB, det största som kan laddas upp här. Importera den med kommandot mognad import responses (upp till 512 MB).'
		);
	});

	it('let a client send all of a file refused by its length, then answer it 413', async () => {
		// As many clients do (curl, scripts): the whole body first, the answer after. The server answers by
		// the content-length at once; the connection stays open while the rest of the body arrives, and
		// the answer is there for the client that reads it last.
		const analyst = await signInOverHttp(server.url, users.analyst);
		const size = MAX_RESPONSE_UPLOAD_BYTES + UPLOAD_FORM_OVERHEAD + 1;
		const { hostname, host, port } = new URL(server.url);
		const socket = connect({ host: hostname, port: Number(port) });
		await once(socket, 'connect');
		let answer = '';
		const answered = new Promise<void>((resolve, reject) => {
			socket.on('data', (chunk: Buffer) => {
				answer += chunk.toString('utf8');
				// The whole answer: its headers and as many bytes as its content-length, or a chunked body's end.
				const [head = '', body = ''] = answer.split(/\r\n\r\n(.*)/s);
				const length = /^content-length: (\d+)$/im.exec(head)?.[1];
				if (length ? Buffer.byteLength(body) >= Number(length) : body.endsWith('0\r\n\r\n')) resolve();
			});
			socket.on('error', reject);
		});
		socket.write(
			[
				`POST /admin/waves/${slug}/import?/upload HTTP/1.1`,
				`host: ${host}`,
				`origin: ${server.url}`,
				`cookie: ${analyst.cookie}`,
				'accept: text/html',
				'content-type: multipart/form-data; boundary=x',
				`content-length: ${size}`,
				'',
				''
			].join('\r\n')
		);
		const chunk = Buffer.alloc(1024 * 1024, 'a');
		let sent = 0;
		while (sent < size) {
			const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
			sent += part.length;
			if (!socket.write(part)) await once(socket, 'drain');
		}
		await answered;
		socket.end();
		expect(sent).toBe(size);
		expect(answer).toMatch(/^HTTP\/1\.1 413 /);
		expect(answer).toContain('Filen är större än 64 MB');
	});

	it('refuse an XLSX zip bomb on every spreadsheet upload with 400 and the limits', async () => {
		const admin = await signInOverHttp(server.url, users.admin);
		const bomb = { name: 'bomb.xlsx', bytes: zipBombXlsx() };
		const lists = [`/admin/waves/${slug}/participants?/import`, '/admin/organisations?/import'];
		for (const path of lists) {
			const res = await postFile(server.url, admin.cookie, path, bomb);
			expect(res.status, path).toBe(400);
			expect(res.body, path).toContain('The XLSX file unpacks to more than 25 MB');
		}
		const res = await postFile(server.url, admin.cookie, `/admin/waves/${slug}/import?/upload`, bomb);
		expect(res.status).toBe(400);
		expect(res.body).toContain('The XLSX file unpacks to more than 100 MB');
	});
});

describe('a response file between the import steps', () => {
	it('is taken above the old 1 MB request limit, continued on another process, kept for its own user only', async () => {
		const analyst = await signInOverHttp(server.url, users.analyst);
		const file = { name: 'svar.csv', bytes: csv(20_000) };
		expect(file.bytes.byteLength).toBeGreaterThan(1024 * 1024);
		const res = await postFile(server.url, analyst.cookie, `/admin/waves/${slug}/import?/upload`, file);
		expect(res.status).toBe(303);
		const next = res.location ?? '';
		expect(next).toMatch(/\?upload=[0-9a-f-]{36}$/);

		// Another process on the same PostgreSQL database continues; on PGlite, the same process.
		const other = second ?? server;
		const own = await signInOverHttp(other.url, users.analyst);
		const page = await own.get(next);
		expect(page.status).toBe(200);
		expect(page.body).toContain('svar.csv');
		const check = await own.post(`${next}&/check`, [['upload', next.split('=')[1] ?? '']]);
		expect(check.status).toBe(200);
		expect(check.body).toMatch(
			/Filen har 20[\s\u00a0\u202f]000 rader\. 20[\s\u00a0\u202f]000 svar kan importeras/
		);

		const id = next.split('=')[1] ?? '';
		const confirm = await own.post(`${next}&/confirm`, [['upload', id]]);
		expect(confirm.status).toBe(200);
		expect(confirm.body).toMatch(/20[\s\u00a0\u202f]?000 svar importerades till/);
		// Imported: the upload is gone.
		expect((await own.get(next)).body).toContain('Den uppladdade filen finns inte längre');

		// The administrator may import responses too, but not take up the analyst's file.
		const again = await postFile(server.url, analyst.cookie, `/admin/waves/${slug}/import?/upload`, file);
		const kept = again.location ?? '';
		expect(kept).not.toBe(next);
		expect((await own.get(kept)).body).toContain('svar.csv');
		const admin = await signInOverHttp(other.url, users.admin);
		const foreign = await admin.get(kept);
		expect(foreign.body).not.toContain('svar.csv');
		expect(foreign.body).toContain('Den uppladdade filen finns inte längre');
	});
});
