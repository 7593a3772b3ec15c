import { setTimeout as sleep } from 'node:timers/promises';
import { count, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { organisations, questionnaires, questionnaireVersions } from '../../src/lib/server/db/schema.ts';
import { norrbotten } from '../../src/lib/server/setup/norrbotten.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';

// What `npm start` does on a fresh clone: an empty data folder becomes a working app.
const dataDir = tempDataDir();
afterAll(() => removeDataDir(dataDir));

async function storedCounts() {
	const database = await openDatabase({ dataDir });
	try {
		const db = database.db;
		const [orgs] = await db.select({ n: count() }).from(organisations);
		const [top] = await db.select().from(organisations).where(isNull(organisations.parentId));
		const municipalities = top
			? await db
					.select({ code: organisations.code, name: organisations.name })
					.from(organisations)
					.where(eq(organisations.parentId, top.id))
			: [];
		const [forms] = await db.select({ n: count() }).from(questionnaires);
		const [versions] = await db.select({ n: count() }).from(questionnaireVersions);
		return { orgs: orgs?.n, top, municipalities, forms: forms?.n, versions: versions?.n };
	} finally {
		await database.close();
	}
}

describe('the first start on an empty data folder', () => {
	it('creates the database, loads the questionnaire and the 14 municipalities, and says where to go next', async () => {
		const server = await startAppServer({ dataDir });
		try {
			// The server answers a moment before it has printed its greeting.
			for (let i = 0; i < 100 && !server.output().includes('Next:'); i++) await sleep(100);
			expect(server.output()).toContain(
				`Mognad is running at ${server.url} (database: embedded, in ${dataDir})`
			);
			expect(server.output()).toContain('Next: create a wave of the built-in questionnaire');
			expect(server.output()).toContain('--questionnaire digital-mognad-i-kommuner');
			const home = await fetch(server.url, { headers: { 'accept-language': 'sv' } });
			expect(home.status).toBe(200);
			expect(await home.text()).toContain('lang="sv"');
		} finally {
			await server.stop();
		}

		const first = await storedCounts();
		expect(first.top).toMatchObject({ code: '25', name: 'Region Norrbotten' });
		expect(first.orgs).toBe(15);
		expect(first.municipalities.sort((a, b) => String(a.code).localeCompare(String(b.code)))).toEqual(
			[...norrbotten.municipalities].sort((a, b) => a.code.localeCompare(b.code))
		);
		expect(first.municipalities.map((m) => m.name)).toContain('Överkalix');
		expect(first.forms).toBe(1);
		// The built-in questionnaire in each version published (1, 2 and 3, as it is now).
		expect(first.versions).toBe(3);

		// A second start changes nothing that is already there.
		const again = await startAppServer({ dataDir });
		await again.stop();
		expect(await storedCounts()).toEqual(first);
	});
});
