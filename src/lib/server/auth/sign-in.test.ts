import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { auditLog, loginThrottle, users } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createUser } from './create-user.ts';
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT } from './login-throttle.ts';
import { signIn } from './sign-in.ts';

let database: TDatabase;
const PASSWORD = 'en lång och hemlig fras';
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('creating a user', () => {
	it('stores the e-mail lower case and only an argon2id hash of the password', async () => {
		const user = await createUser(
			database.db,
			{ email: '  Anna.Admin@Example.ORG ', name: 'Anna', password: PASSWORD, role: 'admin' },
			'test'
		);
		expect(user).toMatchObject({ email: 'anna.admin@example.org', role: 'admin', organisationId: null });
		const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
		expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row?.passwordHash).not.toContain(PASSWORD);
		const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.subject, user.email));
		expect(audit).toMatchObject({ actor: 'test', action: 'user.create', details: { role: 'admin' } });
	});

	it('refuses a short password, a bad address, a taken address, and a contact without organisation', async () => {
		const base = { email: 'ny@example.org', name: 'Ny', role: 'analyst' as const };
		await expect(createUser(database.db, { ...base, password: 'elva tecken' }, 'test')).rejects.toThrow(
			'at least 12 characters'
		);
		await expect(
			createUser(database.db, { ...base, email: 'inte en adress', password: PASSWORD }, 'test')
		).rejects.toThrow('valid e-mail');
		await expect(
			createUser(database.db, { ...base, email: 'ANNA.admin@example.org', password: PASSWORD }, 'test')
		).rejects.toThrow('An account with the e-mail address anna.admin@example.org already exists');
		await expect(
			createUser(database.db, { ...base, role: 'contact', password: PASSWORD }, 'test')
		).rejects.toThrow('An organisation contact needs an organisation');
		await expect(
			createUser(
				database.db,
				{ ...base, role: 'contact', organisationCode: '9999', password: PASSWORD },
				'test'
			)
		).rejects.toThrow('No organisation with code "9999"');
		expect(await database.db.select().from(users).where(eq(users.email, 'ny@example.org'))).toEqual([]);
	});

	it('binds a contact to their unit', async () => {
		const contact = await createUser(
			database.db,
			{
				email: 'kontakt@lulea.se',
				name: 'Kim',
				password: PASSWORD,
				role: 'contact',
				organisationCode: '2580'
			},
			'test'
		);
		expect(contact.organisationId).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('signing in', () => {
	it('accepts the right password with the address in any case, and logs it', async () => {
		const result = await signIn(database.db, {
			email: 'ANNA.ADMIN@example.org',
			password: PASSWORD,
			address: '10.0.0.1'
		});
		expect(result).toMatchObject({ ok: true, user: { email: 'anna.admin@example.org', role: 'admin' } });
		const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
		expect(entries.map((e) => [e.actor, e.details])).toEqual([
			['anna.admin@example.org', { address: '10.0.0.1' }]
		]);
	});

	it('answers a wrong password, an unknown account and a disabled account alike, and logs each', async () => {
		await createUser(
			database.db,
			{ email: 'av@example.org', name: 'Av', password: PASSWORD, role: 'viewer' },
			'test'
		);
		await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'av@example.org'));
		const attempts = [
			{ email: 'anna.admin@example.org', password: 'fel lösenord helt och hållet' },
			{ email: 'finns.inte@example.org', password: PASSWORD },
			{ email: 'av@example.org', password: PASSWORD }
		];
		for (const attempt of attempts) {
			expect(await signIn(database.db, { ...attempt, address: '10.0.0.2' })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		const failed = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'auth.sign_in_failed'));
		expect(failed.map((e) => (e.details as { reason: string }).reason)).toEqual([
			'wrong password',
			'unknown account',
			'disabled'
		]);
	});
});

describe('throttling', () => {
	it(`blocks an account after ${ACCOUNT_FAILURE_LIMIT} failures in 15 minutes, even with the right password, until the block ends`, async () => {
		await createUser(
			database.db,
			{ email: 'bo@example.org', name: 'Bo', password: PASSWORD, role: 'analyst' },
			'test'
		);
		const t0 = new Date('2030-01-01T10:00:00Z');
		for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
			const r = await signIn(database.db, {
				email: 'bo@example.org',
				password: 'fel fel fel fel',
				address: `10.1.0.${i}`,
				now: minutes(t0, i)
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		// The fifth failure (at 10:04) blocks the account until 10:19, from any address.
		const blocked = await signIn(database.db, {
			email: 'bo@example.org',
			password: PASSWORD,
			address: '10.9.9.9',
			now: minutes(t0, 10)
		});
		expect(blocked).toEqual({ ok: false, reason: 'blocked', retryAt: minutes(t0, 19) });
		const after = await signIn(database.db, {
			email: 'bo@example.org',
			password: PASSWORD,
			address: '10.9.9.9',
			now: minutes(t0, 19.5)
		});
		expect(after.ok).toBe(true);
		// Success forgets the account's failures.
		expect(
			await database.db.select().from(loginThrottle).where(eq(loginThrottle.key, 'account:bo@example.org'))
		).toEqual([]);
	});

	it('counts failures only within the window: four, a pause, four more do not block', async () => {
		const t0 = new Date('2030-01-02T10:00:00Z');
		const fail = (at: Date) =>
			signIn(database.db, {
				email: 'bo@example.org',
				password: 'fel fel fel fel',
				address: '10.2.0.1',
				now: at
			});
		for (let i = 0; i < 4; i++) await fail(minutes(t0, i));
		for (let i = 0; i < 4; i++) await fail(minutes(t0, 20 + i));
		const ok = await signIn(database.db, {
			email: 'bo@example.org',
			password: PASSWORD,
			address: '10.2.0.1',
			now: minutes(t0, 24)
		});
		expect(ok.ok).toBe(true);
	});

	it(`blocks further failures from an address after ${ADDRESS_FAILURE_LIMIT}, but never the right password`, async () => {
		const t0 = new Date('2030-01-03T10:00:00Z');
		for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
			const r = await signIn(database.db, {
				email: `gissning${i}@example.org`,
				password: 'fel fel fel fel',
				address: '192.0.2.7',
				now: minutes(t0, i * 0.5)
			});
			expect(r).toEqual({ ok: false, reason: 'invalid' });
		}
		// The 20th failure (at 10:09.5) blocks failures from the address until 10:24.5.
		const wrong = () =>
			signIn(database.db, {
				email: 'bo@example.org',
				password: 'fel fel fel fel',
				address: '192.0.2.7',
				now: minutes(t0, 10)
			});
		expect(await wrong()).toEqual({ ok: false, reason: 'blocked', retryAt: minutes(t0, 9.5 + 15) });
		expect(await wrong()).toEqual({ ok: false, reason: 'blocked', retryAt: minutes(t0, 9.5 + 15) });
		// A colleague behind the same address with the right password is let in; their account's
		// count (two wrong above) is what guards it.
		const colleague = await signIn(database.db, {
			email: 'bo@example.org',
			password: PASSWORD,
			address: '192.0.2.7',
			now: minutes(t0, 11)
		});
		expect(colleague.ok).toBe(true);
		// Signing in does not lift the address's block.
		const after = await signIn(database.db, {
			email: 'gissning0@example.org',
			password: 'fel fel fel fel',
			address: '192.0.2.7',
			now: minutes(t0, 12)
		});
		expect(after.ok).toBe(false);
		expect(after).toMatchObject({ reason: 'blocked' });
		const blocks = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'auth.sign_in_blocked'));
		expect(blocks.filter((e) => (e.details as { address: string }).address === '192.0.2.7')).toHaveLength(1);
	});

	it('counts 100 parallel wrong passwords for one account as 5 checks, and audits the block once', async () => {
		await createUser(
			database.db,
			{ email: 'stina@example.org', name: 'Stina', password: PASSWORD, role: 'analyst' },
			'test'
		);
		const now = new Date('2030-01-04T10:00:00Z');
		const results = await Promise.all(
			Array.from({ length: 100 }, (_, i) =>
				signIn(database.db, {
					email: 'stina@example.org',
					password: `fel gissning nummer ${i}`,
					address: `198.51.100.${i}`,
					now
				})
			)
		);
		expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(ACCOUNT_FAILURE_LIMIT);
		expect(results.filter((r) => !r.ok && r.reason === 'blocked')).toHaveLength(100 - ACCOUNT_FAILURE_LIMIT);
		// A password was checked only for the attempts audited as failed: one per counted try.
		const entries = await database.db.select().from(auditLog);
		const aimed = entries.filter((e) => e.subject === 'sti…@example.org');
		expect(aimed.filter((e) => e.action === 'auth.sign_in_failed')).toHaveLength(ACCOUNT_FAILURE_LIMIT);
		const blocked = aimed.filter((e) => e.action === 'auth.sign_in_blocked');
		expect(blocked).toHaveLength(1);
		expect(blocked[0]).toMatchObject({
			actor: 'sti…@example.org',
			details: { scope: 'account', until: '2030-01-04T10:15:00.000Z' }
		});
		expect(JSON.stringify(entries.filter((e) => e.action !== 'user.create'))).not.toContain('stina@');
		// The right password is refused too while the account is blocked.
		const right = await signIn(database.db, {
			email: 'stina@example.org',
			password: PASSWORD,
			address: '203.0.113.1',
			now
		});
		expect(right).toEqual({ ok: false, reason: 'blocked', retryAt: new Date('2030-01-04T10:15:00Z') });
	});
});
