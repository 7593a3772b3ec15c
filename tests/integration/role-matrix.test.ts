import { readdirSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { organisations } from '../../src/lib/server/db/schema.ts';
import { type AdminClient, seedUsers, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { ACCESSORS, routeAccess, type TAccessor } from '../support/route-access.ts';
import { seedWave } from '../support/seed-wave.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

const routesFolder = path.resolve(import.meta.dirname, '../../src/routes');

/** Every route id under src/routes that has a page or an endpoint (groups `(x)` left out, as in URLs). */
function routeIds(): string[] {
	const found = new Set<string>();
	for (const entry of readdirSync(routesFolder, { recursive: true, encoding: 'utf8' })) {
		const file = path.basename(entry);
		if (!/^\+(page\.svelte|page\.server\.ts|page\.ts|server\.ts)$/.test(file)) continue;
		const segments = path
			.dirname(entry)
			.split(path.sep)
			.filter((s) => s !== '.' && !/^\(.+\)$/.test(s));
		found.add(`/${segments.join('/')}`);
	}
	return [...found].sort();
}

describe('the route table', () => {
	it('lists every route under src/routes, and no route that does not exist', () => {
		const listed = routeAccess.map((r) => r.route);
		expect(new Set(listed).size, 'a route is listed twice').toBe(listed.length);
		expect([...listed].sort()).toEqual(routeIds());
	});
});

describe('every role on every route', () => {
	let backend: TestBackend;
	let server: AppServer;
	const clients = new Map<TAccessor, AdminClient | null>();
	const values: Record<string, string> = {};

	beforeAll(async () => {
		backend = await createTestBackend('matrix');
		const target = { dataDir: backend.dataDir, url: backend.url };
		const { tokens } = await seedWave({ ...target, slug: 'matrix', mode: 'invite', participants: 1 });
		await seedWave({ ...target, slug: 'matrix-open', mode: 'open' });
		const users = await seedUsers(target);
		const database = await openDatabase(target);
		try {
			const orgId = async (code: string) =>
				(await database.db.select().from(organisations).where(eq(organisations.code, code)))[0]?.id ?? '';
			Object.assign(values, {
				token: tokens[0] ?? '',
				slug: 'matrix',
				openSlug: 'matrix-open',
				organisationId: await orgId('2580'),
				otherOrganisationId: await orgId('2584')
			});
		} finally {
			await database.close();
		}
		server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
		clients.set('anonymous', null);
		for (const role of Object.keys(users) as TRole[]) {
			clients.set(role, await signInOverHttp(server.url, users[role]));
		}
	});
	afterAll(async () => {
		await server?.stop();
		await backend?.cleanup();
	});

	it('gives each accessor exactly the status the table says', async () => {
		const mismatches: string[] = [];
		for (const entry of routeAccess) {
			const target = entry.path.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
			for (const accessor of ACCESSORS) {
				const client = clients.get(accessor);
				const res = client
					? await client.get(target)
					: await fetch(`${server.url}${target}`, { redirect: 'manual', headers: { accept: 'text/html' } });
				const location = res.headers.get('location');
				if ('arrayBuffer' in res) await res.arrayBuffer();
				const expected = entry.expect[accessor];
				if (res.status !== expected) {
					mismatches.push(
						`${entry.route} as ${accessor}: ${res.status} (expected ${expected}) ${location ?? ''}`
					);
				} else if (accessor === 'anonymous' && expected === 303 && entry.route.startsWith('/admin')) {
					// Signed-out visitors are sent to sign in, and back here afterwards.
					if (location !== `/login?next=${encodeURIComponent(target)}`)
						mismatches.push(`${entry.route} as anonymous: redirected to ${location}`);
				}
			}
		}
		expect(mismatches).toEqual([]);
	});
});
