import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { apiTokens, auditLog, organisations, sessions, users } from '../db/schema.ts';
import { organisationSubtreeIds } from '../organisations/organisation-subtree.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { anyUserExists } from './any-user-exists.ts';
import { createApiToken } from './create-api-token.ts';
import { createFirstAdmin } from './create-first-admin.ts';
import { createSession } from './create-session.ts';
import { createUser } from './create-user.ts';
import { deleteSession } from './delete-session.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { resolveApiToken } from './resolve-api-token.ts';
import { resolveSession } from './resolve-session.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import type { TSessionUser } from './roles.ts';
import { setUserDisabled } from './set-user-disabled.ts';
import { setUserRole } from './set-user-role.ts';

let database: TDatabase;
let admin: TSessionUser;
let analyst: TSessionUser;
const PASSWORD = 'en lång och hemlig fras';
const hours = (base: Date, n: number) => new Date(base.getTime() + n * 3_600_000);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('the one-time setup', () => {
	it('creates exactly one administrator when two setups are submitted at once', async () => {
		expect(await anyUserExists(database.db)).toBe(false);
		const results = await Promise.allSettled([
			createFirstAdmin(database.db, { email: 'forsta@example.org', name: 'Första', password: PASSWORD }),
			createFirstAdmin(database.db, { email: 'andra@example.org', name: 'Andra', password: PASSWORD })
		]);
		expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
		const refused = results.find((r) => r.status === 'rejected');
		expect(String(refused?.reason)).toContain('The first administrator has already been created');
		const all = await database.db.select().from(users);
		expect(all.map((u) => u.role)).toEqual(['admin']);
		admin = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<TSessionUser>).value;
		expect(await anyUserExists(database.db)).toBe(true);
	});

	it('is refused once an account exists', async () => {
		await expect(
			createFirstAdmin(database.db, { email: 'tredje@example.org', name: 'Tredje', password: PASSWORD })
		).rejects.toThrow('already been created');
		expect(await database.db.select().from(users)).toHaveLength(1);
	});
});

describe('sessions', () => {
	beforeAll(async () => {
		analyst = await createUser(
			database.db,
			{ email: 'analys@example.org', name: 'Ana', password: PASSWORD, role: 'analyst' },
			admin.email
		);
	});

	it('store only the SHA-256 of the cookie token', async () => {
		const { token } = await createSession(database.db, analyst.id);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const rows = await database.db.select().from(sessions).where(eq(sessions.userId, analyst.id));
		expect(rows.map((r) => r.tokenHash)).toContain(sha256(token));
		expect(rows.some((r) => r.tokenHash === token)).toBe(false);
	});

	it('end after 8 idle hours, and each request within them slides the end', async () => {
		const t0 = new Date('2030-02-01T08:00:00Z');
		const { token, expiresAt } = await createSession(database.db, analyst.id, t0);
		expect(expiresAt).toEqual(hours(t0, 8));
		expect(await resolveSession(database.db, token, hours(t0, 7))).toMatchObject({
			email: 'analys@example.org'
		});
		// Seen at 15:00, so it lasts until 23:00 (not 16:00); seen at 22:00, until 06:00.
		expect(await resolveSession(database.db, token, hours(t0, 14))).toMatchObject({ role: 'analyst' });
		expect(await resolveSession(database.db, token, hours(t0, 22.1))).toBeNull();
	});

	it('end 7 days after signing in, however active', async () => {
		const t0 = new Date('2030-03-01T08:00:00Z');
		const { token } = await createSession(database.db, analyst.id, t0);
		for (let h = 6; h < 7 * 24; h += 6) {
			expect(await resolveSession(database.db, token, hours(t0, h)), `after ${h} h`).not.toBeNull();
		}
		expect(await resolveSession(database.db, token, hours(t0, 7 * 24 + 0.01))).toBeNull();
	});

	it('are refused for a disabled user, and disabling ends them', async () => {
		const { token } = await createSession(database.db, analyst.id);
		expect(await resolveSession(database.db, token)).not.toBeNull();
		await setUserDisabled(database.db, admin, analyst.id, true);
		expect(await resolveSession(database.db, token)).toBeNull();
		expect(await database.db.select().from(sessions).where(eq(sessions.userId, analyst.id))).toEqual([]);
		await setUserDisabled(database.db, admin, analyst.id, false);
		expect(await resolveSession(database.db, token)).toBeNull();
		const { token: fresh } = await createSession(database.db, analyst.id);
		expect(await resolveSession(database.db, fresh)).not.toBeNull();
		const actions = await database.db.select().from(auditLog).where(eq(auditLog.subject, analyst.email));
		expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
	});

	it('end when signing out; unknown and malformed tokens resolve to nobody', async () => {
		const { token } = await createSession(database.db, analyst.id);
		await deleteSession(database.db, token);
		expect(await resolveSession(database.db, token)).toBeNull();
		expect(await resolveSession(database.db, 'A'.repeat(43))).toBeNull();
		expect(await resolveSession(database.db, "'; drop table users; --")).toBeNull();
	});
});

describe('API tokens', () => {
	it('are shown once, stored hashed, resolve to their user and record their last use', async () => {
		const created = await createApiToken(database.db, analyst, '  Nattlig export ');
		expect(created.name).toBe('Nattlig export');
		const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
		expect(row?.tokenHash).toBe(sha256(created.token));
		const at = new Date('2030-04-01T12:00:00Z');
		expect(await resolveApiToken(database.db, created.token, at)).toMatchObject({
			id: analyst.id,
			role: 'analyst'
		});
		const listed = await listApiTokens(database.db, analyst.id);
		expect(listed).toEqual([
			expect.objectContaining({ name: 'Nattlig export', lastUsedAt: at, revokedAt: null })
		]);
		expect(Object.keys(listed[0] ?? {})).not.toContain('tokenHash');
	});

	it("can be revoked by their owner only; someone else's id is not found", async () => {
		const { id, token } = await createApiToken(database.db, analyst, 'Skript');
		await expect(revokeApiToken(database.db, admin, id)).rejects.toThrow('No such API token');
		await expect(revokeApiToken(database.db, analyst, 'inte-ett-id')).rejects.toThrow('No such API token');
		expect(await resolveApiToken(database.db, token)).not.toBeNull();
		await revokeApiToken(database.db, analyst, id);
		await revokeApiToken(database.db, analyst, id);
		expect(await resolveApiToken(database.db, token)).toBeNull();
		const log = await database.db.select().from(auditLog).where(eq(auditLog.action, 'api_token.revoke'));
		expect(log).toHaveLength(1);
	});

	it('stop working while their user is disabled', async () => {
		const { token } = await createApiToken(database.db, analyst, 'Tillfällig');
		await setUserDisabled(database.db, admin, analyst.id, true);
		expect(await resolveApiToken(database.db, token)).toBeNull();
		await setUserDisabled(database.db, admin, analyst.id, false);
		expect(await resolveApiToken(database.db, token)).not.toBeNull();
	});
});

describe('roles', () => {
	it('change with the old and new role in the audit log; a contact needs a unit', async () => {
		const [lulea] = await database.db.select().from(organisations).where(eq(organisations.code, '2580'));
		await expect(setUserRole(database.db, admin, { userId: analyst.id, role: 'contact' })).rejects.toThrow(
			'An organisation contact needs an organisation'
		);
		await setUserRole(database.db, admin, { userId: analyst.id, role: 'contact', organisationId: lulea?.id });
		const [row] = await database.db.select().from(users).where(eq(users.id, analyst.id));
		expect(row).toMatchObject({ role: 'contact', organisationId: lulea?.id });
		await setUserRole(database.db, admin, { userId: analyst.id, role: 'viewer' });
		const [after] = await database.db.select().from(users).where(eq(users.id, analyst.id));
		expect(after).toMatchObject({ role: 'viewer', organisationId: null });
		const log = await database.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_change'));
		expect(
			log.map((l) => [l.actor, (l.details as { from: string }).from, (l.details as { to: string }).to])
		).toEqual([
			[admin.email, 'analyst', 'contact'],
			[admin.email, 'contact', 'viewer']
		]);
	});

	it('cannot be changed, nor the account disabled, by its own administrator', async () => {
		await expect(setUserRole(database.db, admin, { userId: admin.id, role: 'viewer' })).rejects.toThrow(
			'You cannot change your own role'
		);
		await expect(setUserDisabled(database.db, admin, admin.id, true)).rejects.toThrow(
			'You cannot disable your own account'
		);
	});
});

describe('organisation subtree', () => {
	it('is a unit and everything below it', async () => {
		const all = await database.db.select().from(organisations);
		const region = all.find((o) => o.kind === 'region');
		const lulea = all.find((o) => o.code === '2580');
		if (!region || !lulea) throw new Error('built-in organisations missing');
		const [department] = await database.db
			.insert(organisations)
			.values({ name: 'Socialförvaltningen', kind: 'department', parentId: lulea.id })
			.returning();
		const [unit] = await database.db
			.insert(organisations)
			.values({ name: 'Hemtjänsten', kind: 'other', parentId: department?.id })
			.returning();
		expect((await organisationSubtreeIds(database.db, lulea.id)).sort()).toEqual(
			[lulea.id, department?.id, unit?.id].sort()
		);
		// The region, its 14 municipalities and Luleå's two units.
		expect(await organisationSubtreeIds(database.db, region.id)).toHaveLength(17);
		expect(await organisationSubtreeIds(database.db, '00000000-0000-0000-0000-000000000000')).toEqual([]);
		expect(await organisationSubtreeIds(database.db, 'inte-ett-id')).toEqual([]);
	});
});
