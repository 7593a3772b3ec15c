import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { limitOpenStarts } from './limit-open-starts.ts';

let database: TDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

const t0 = new Date('2030-03-01T08:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const start = (address: string, now: Date) =>
	limitOpenStarts(database.db, { address, limit: 30, windowMinutes: 10, now });

describe('starts on open links per address', () => {
	it('allows 30 within 10 minutes, refuses the next until the window has passed, per address', async () => {
		for (let i = 0; i < 30; i++) {
			expect(await start('192.0.2.1', minutes(i * 0.1))).toEqual({ allowed: true });
		}
		// The 30th start (at 08:02.9) fills the window: the address waits until 08:12.9.
		expect(await start('192.0.2.1', minutes(3))).toEqual({ allowed: false, retryAt: minutes(2.9 + 10) });
		expect(await start('192.0.2.2', minutes(3))).toEqual({ allowed: true });
		expect(await start('192.0.2.1', minutes(13))).toEqual({ allowed: true });
	});

	it('lets no more than the limit through when starts arrive at once', async () => {
		const all = await Promise.all(Array.from({ length: 50 }, () => start('198.51.100.9', t0)));
		expect(all.filter((r) => r.allowed)).toHaveLength(30);
	});
});
