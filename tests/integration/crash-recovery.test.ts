import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { resolveRespondent } from '../../src/lib/server/responses/resolve-respondent.ts';
import { startAppServer } from '../support/app-server.ts';
import { answerWholeQuestionnaire } from '../support/respondent-client.ts';
import { seedWave } from '../support/seed-wave.ts';
import { templatePages } from '../support/template-answers.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// Kills the server (SIGKILL) while many respondents submit at once, restarts it, and checks that every
// page the server acknowledged is stored. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
const RESPONDENTS = 24;
let backend: TestBackend | undefined;
afterAll(async () => backend?.cleanup());

describe(`a server killed mid-traffic (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('keeps every acknowledged answer', async () => {
		backend = await createTestBackend('crash');
		const { dataDir, url, env } = backend;
		const { tokens } = await seedWave({
			dataDir,
			url,
			slug: 'krasch',
			mode: 'invite',
			participants: RESPONDENTS
		});
		const server = await startAppServer({ dataDir, env });
		const acked = new Map<string, Set<string>>();
		let ackCount = 0;
		let killed = false;
		const killAfter = Math.floor((RESPONDENTS * 7) / 2);
		const runs = tokens.map((token, i) =>
			answerWholeQuestionnaire(server.url, token, i, (step) => {
				if (killed) return;
				const steps = acked.get(token) ?? new Set<string>();
				steps.add(step);
				acked.set(token, steps);
				ackCount += 1;
				if (ackCount >= killAfter) {
					killed = true;
					server.process.kill('SIGKILL');
				}
			}).catch(() => 'interrupted')
		);
		await Promise.all(runs);
		await server.stop();
		expect(killed).toBe(true);

		// Restart on the same data: the server must come up (recovering the database) and serve again.
		const again = await startAppServer({ dataDir, env, port: Number(new URL(server.url).port) });
		const page = await fetch(`${again.url}/s/${tokens[0]}`);
		expect(page.status).toBe(200);
		await again.stop();

		const database = await openDatabase({ url, dataDir });
		try {
			let checked = 0;
			for (const [token, steps] of acked) {
				const r = await resolveRespondent(database.db, token);
				const seed = tokens.indexOf(token);
				for (const p of templatePages(seed).filter((x) => steps.has(x.section))) {
					for (const [field, value] of p.fields) {
						const code = field.slice(2);
						const answer = r?.answers[code];
						expect(answer, `${token.slice(0, 6)} ${code}`).toBeDefined();
						if (answer?.kind === 'single') expect(answer.option).toBe(value);
						if (answer?.kind === 'scale') expect(answer.value).toBe(Number(value));
						if (answer?.kind === 'multi') expect(answer.options).toContain(value);
						checked += 1;
					}
				}
				if (steps.has('submitted')) expect(r?.response?.status).toBe('complete');
			}
			expect(checked).toBeGreaterThan(0);
			const { rows } = (await database.db.execute(
				sql`select count(*)::int as n from responses`
			)) as unknown as { rows: { n: number }[] };
			const count = rows[0];
			expect(Number(count?.n)).toBeLessThanOrEqual(RESPONDENTS);
		} finally {
			await database.close();
		}
	});
});
