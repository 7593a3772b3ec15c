import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { organisations } from '../../src/lib/server/db/schema.ts';
import { createQuestionnaireDraft } from '../../src/lib/server/questionnaires/create-questionnaire-draft.ts';
import { actionAccess } from '../support/action-access.ts';
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

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The object literal an `export const actions = {…}` (possibly `satisfies Actions`) holds. */
function actionsObject(node: ts.Expression | undefined): ts.ObjectLiteralExpression | null {
	if (!node) return null;
	if (ts.isObjectLiteralExpression(node)) return node;
	if (ts.isSatisfiesExpression(node) || ts.isAsExpression(node)) return actionsObject(node.expression);
	return null;
}

/** Every state-changing entry under src/routes: `route action` for page form actions and write endpoints. */
function actionIds(): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(routesFolder, { recursive: true, encoding: 'utf8' })) {
		const file = path.basename(entry);
		if (file !== '+page.server.ts' && file !== '+server.ts') continue;
		const route = `/${path
			.dirname(entry)
			.split(path.sep)
			.filter((s) => s !== '.' && !/^\(.+\)$/.test(s))
			.join('/')}`;
		const source = ts.createSourceFile(
			entry,
			readFileSync(path.join(routesFolder, entry), 'utf8'),
			ts.ScriptTarget.Latest
		);
		for (const statement of source.statements) {
			const exported = ts.canHaveModifiers(statement)
				? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
				: false;
			if (!exported) continue;
			if (ts.isFunctionDeclaration(statement) && statement.name && WRITE_METHODS.has(statement.name.text))
				found.push(`${route} ${statement.name.text}`);
			if (!ts.isVariableStatement(statement)) continue;
			for (const declaration of statement.declarationList.declarations) {
				if (!ts.isIdentifier(declaration.name)) continue;
				const name = declaration.name.text;
				if (file === '+server.ts' && WRITE_METHODS.has(name)) found.push(`${route} ${name}`);
				if (file === '+page.server.ts' && name === 'actions') {
					for (const property of actionsObject(declaration.initializer)?.properties ?? []) {
						if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
							found.push(`${route} ${property.name.text}`);
					}
				}
			}
		}
	}
	return found.sort();
}

describe('the route table', () => {
	it('lists every route under src/routes, and no route that does not exist', () => {
		const listed = routeAccess.map((r) => r.route);
		expect(new Set(listed).size, 'a route is listed twice').toBe(listed.length);
		expect([...listed].sort()).toEqual(routeIds());
	});

	it('lists every form action and write endpoint, and none that does not exist', () => {
		const listed = actionAccess.map((a) => `${a.route} ${a.action}`);
		expect(new Set(listed).size, 'an action is listed twice').toBe(listed.length);
		expect([...listed].sort()).toEqual(actionIds());
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
			// A draft of the built-in questionnaire's next version, for the designer's pages.
			await createQuestionnaireDraft(database.db, {
				code: 'digital-mognad-i-kommuner',
				actor: 'matrix@example.org'
			});
			Object.assign(values, {
				draftCode: 'digital-mognad-i-kommuner',
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

	it('lets only the allowed roles past the role check of every action', async () => {
		const mismatches: string[] = [];
		for (const entry of actionAccess) {
			if (entry.allowed === 'public') continue;
			const page = routeAccess.find((r) => r.route === entry.route);
			if (!page) throw new Error(`${entry.route} is not in route-access.ts`);
			const base = page.path.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
			const target = WRITE_METHODS.has(entry.action)
				? base
				: `${base}${entry.action === 'default' ? '' : `?/${entry.action}`}`;
			for (const accessor of ACCESSORS) {
				const client = clients.get(accessor);
				// An empty form, posted as a browser on the site would (same origin, so CSRF lets it through).
				const res = client
					? await client.post(target, [])
					: await fetch(`${server.url}${target}`, {
							method: 'POST',
							redirect: 'manual',
							headers: {
								origin: server.url,
								accept: 'text/html',
								'content-type': 'application/x-www-form-urlencoded'
							},
							body: ''
						});
				if ('arrayBuffer' in res) await res.arrayBuffer();
				const label = `${entry.route} ${entry.action} as ${accessor}: ${res.status}`;
				if (accessor === 'anonymous') {
					if (res.status !== 303) mismatches.push(`${label} (expected 303 to sign in)`);
				} else if (!entry.allowed.includes(accessor)) {
					if (res.status !== 403) mismatches.push(`${label} (expected 403)`);
				} else if (res.status === 403 || res.status >= 500) {
					mismatches.push(`${label} (expected the action to run or refuse the empty form)`);
				}
			}
		}
		expect(mismatches).toEqual([]);
	});
});
