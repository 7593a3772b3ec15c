import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { listAuditEntries } from './list-audit-entries.ts';

let database: TDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	await createWave(
		db,
		{ questionnaireCode: 'digital-mognad-i-kommuner', name: 'Logg', slug: 'logg' },
		'ana@region.se'
	);
	await setWaveStatus(db, 'logg', 'open', 'ana@region.se');
	await setWaveStatus(db, 'logg', 'closed', 'ana@region.se');
	await setWaveStatus(db, 'logg', 'open');
});
afterAll(async () => database.close());

describe('the audit log', () => {
	it('records who created, opened and closed a wave, newest first', async () => {
		const log = await listAuditEntries(database.db, {});
		expect(log.entries.map((e) => [e.actor, e.action, e.subject])).toEqual([
			['cli', 'wave.open', 'logg'],
			['ana@region.se', 'wave.close', 'logg'],
			['ana@region.se', 'wave.open', 'logg'],
			['ana@region.se', 'wave.create', 'logg']
		]);
		expect(log.entries.at(-1)?.details).toEqual({ mode: 'invite', anonymous: false, minGroupSize: 5 });
		expect(log).toMatchObject({
			total: 4,
			page: 1,
			pages: 1,
			actions: ['wave.close', 'wave.create', 'wave.open']
		});
	});

	it('filters by action and pages', async () => {
		const opens = await listAuditEntries(database.db, { action: 'wave.open', pageSize: 1, page: 2 });
		expect(opens.entries.map((e) => e.actor)).toEqual(['ana@region.se']);
		expect(opens).toMatchObject({ total: 2, page: 2, pages: 2, action: 'wave.open' });
		// A page number edited in the URL into nonsense shows the first page.
		expect((await listAuditEntries(database.db, { page: 'x' })).page).toBe(1);
		expect((await listAuditEntries(database.db, { page: 99 })).entries).toEqual([]);
	});

	it('filters by person and by date range', async () => {
		const byAna = await listAuditEntries(database.db, { actor: 'ana@region.se' });
		expect(byAna.total).toBe(3);
		expect(byAna.actors.map((a) => a.value)).toEqual(['ana@region.se', 'cli']);
		const today = new Date().toISOString().slice(0, 10);
		expect((await listAuditEntries(database.db, { from: today, to: today })).total).toBe(4);
		expect((await listAuditEntries(database.db, { to: '2000-01-01' })).total).toBe(0);
	});
});
