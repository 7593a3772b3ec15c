import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from './create-wave.ts';
import { getWave } from './get-wave.ts';
import { setWaveStatus } from './set-wave-status.ts';
import { updateWave } from './update-wave.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const settings = {
	name: 'Mognad 2026',
	period: 'Våren 2026',
	deadline: '2026-05-31',
	minGroupSize: 5,
	senderName: 'Regionen'
};

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

async function wave(slug: string, status?: 'open' | 'closed') {
	await createWave(database.db, { questionnaireCode: Q, ...settings, slug });
	if (status) await setWaveStatus(database.db, slug, status);
	return slug;
}

describe('editing a wave', () => {
	it('changes every setting of a draft, keeps the slug and records what changed', async () => {
		const slug = await wave('utkast-2026');
		const next = {
			name: 'Ny mognad',
			period: null,
			deadline: '2026-04-30',
			minGroupSize: 7,
			senderName: 'IT'
		};
		await updateWave(database.db, slug, next, 'ada@example.se');
		const row = await getWave(database.db, slug);
		expect([row.name, row.period, row.deadline, row.minGroupSize, row.senderName]).toEqual([
			'Ny mognad',
			null,
			'2026-04-30',
			7,
			'IT'
		]);
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'wave.update'), eq(auditLog.subject, slug)));
		expect(entry?.actor).toBe('ada@example.se');
		expect(entry?.details).toEqual({
			name: { from: 'Mognad 2026', to: 'Ny mognad' },
			period: { from: 'Våren 2026', to: null },
			deadline: { from: '2026-05-31', to: '2026-04-30' },
			minGroupSize: { from: 5, to: 7 },
			senderName: { from: 'Regionen', to: 'IT' }
		});
	});

	it('lets an open wave extend its deadline and change its sender', async () => {
		const slug = await wave('oppen-2026', 'open');
		await updateWave(database.db, slug, { ...settings, deadline: '2026-06-15', senderName: 'Kansliet' });
		const row = await getWave(database.db, slug);
		expect([row.deadline, row.senderName]).toEqual(['2026-06-15', 'Kansliet']);
	});

	it('refuses to change k, the name or an earlier deadline once the wave is open', async () => {
		const slug = await wave('oppen-last', 'open');
		await expect(updateWave(database.db, slug, { ...settings, minGroupSize: 3 })).rejects.toThrow(
			'minGroupSize can no longer change'
		);
		await expect(updateWave(database.db, slug, { ...settings, name: 'Annat' })).rejects.toThrow(
			'name can no longer change'
		);
		await expect(updateWave(database.db, slug, { ...settings, deadline: '2026-05-01' })).rejects.toThrow(
			'can only be moved later'
		);
		const row = await getWave(database.db, slug);
		expect([row.minGroupSize, row.name, row.deadline]).toEqual([5, 'Mognad 2026', '2026-05-31']);
	});

	it('changes nothing in a closed wave, and records nothing when nothing changed', async () => {
		const slug = await wave('stangd-2026', 'closed');
		await expect(updateWave(database.db, slug, { ...settings, senderName: 'X' })).rejects.toThrow(
			'can no longer change'
		);
		await updateWave(database.db, slug, settings);
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'wave.update'), eq(auditLog.subject, slug)));
		expect(entries).toHaveLength(0);
	});

	it('says when the wave does not exist', async () => {
		await expect(updateWave(database.db, 'finns-inte', settings)).rejects.toThrow('No wave with the slug');
	});
});
