import { readFileSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TDatabase } from '../../src/lib/server/db/client.ts';
import { organisations, questionnaireVersions, responses } from '../../src/lib/server/db/schema.ts';
import { addParticipant } from '../../src/lib/server/participants/add-participant.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { postForm } from '../support/respondent-client.ts';
import { templatePages } from '../support/template-answers.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Several app processes on one PostgreSQL database (the national-survey set-up): they start together on
// an empty database, and a respondent's requests may land on any of them. PostgreSQL only: the embedded
// database admits one process by design.
const onPostgres = Boolean(process.env.DATABASE_URL);
let backend: TestBackend;
let servers: AppServer[] = [];
const dataDirs = [tempDataDir(), tempDataDir()];
let database: TDatabase;

beforeAll(async () => {
	if (!onPostgres) return;
	backend = await createTestBackend('scale');
	// Both start at once on an empty database: migrations and built-in data must not race.
	servers = await Promise.all(dataDirs.map((dataDir) => startAppServer({ dataDir, env: backend.env })));
	database = await openDatabase({ url: backend.url });
});
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	await database?.close();
	await backend?.cleanup();
	for (const dir of dataDirs) removeDataDir(dir);
});

describe.skipIf(!onPostgres)('two app processes on one PostgreSQL database', () => {
	it('start together on an empty database and set it up exactly once', async () => {
		const { db } = database;
		const migrations = (await db.execute(
			sql`select count(*)::int as n from drizzle.__drizzle_migrations`
		)) as unknown as {
			rows: Array<{ n: number }>;
		};
		// Each committed migration applied exactly once, not once per process.
		const journal = JSON.parse(
			readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')
		) as { entries: unknown[] };
		expect(migrations.rows[0]?.n).toBe(journal.entries.length);
		expect((await db.select({ n: count() }).from(organisations))[0]?.n).toBe(15);
		// The built-in questionnaire in its three published versions.
		expect((await db.select({ n: count() }).from(questionnaireVersions))[0]?.n).toBe(3);
	});

	it('serve one respondent in turns and store one complete response for a submit sent to both', async () => {
		const { db } = database;
		const wave = await createWave(db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Skala',
			slug: 'skala'
		});
		await setWaveStatus(db, 'skala', 'open');
		const { token } = await addParticipant(db, { waveSlug: 'skala', organisationCode: '2580' });
		const [a, b] = servers.map((s) => s.url) as [string, string];

		for (const [i, page] of templatePages(2).entries()) {
			const result = await postForm(i % 2 === 0 ? a : b, `/s/${token}/sida/${page.section}`, [
				...page.fields,
				['_action', 'next']
			]);
			expect(result.status, page.section).toBe(303);
		}
		// The other process shows the page the first one saved.
		const review = await (await fetch(`${a}/s/${token}/granska`)).text();
		expect(review).toContain('Vi arbetar med en handlingsplan.');

		const submits = await Promise.all([a, b, a, b].map((url) => postForm(url, `/s/${token}/granska`, [])));
		for (const s of submits) expect(s.location).toBe(`/s/${token}/tack`);
		const stored = await db
			.select({ status: responses.status })
			.from(responses)
			.where(eq(responses.waveId, wave.id));
		expect(stored).toEqual([{ status: 'complete' }]);
	});
});
