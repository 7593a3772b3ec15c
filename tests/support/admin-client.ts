import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { createUser } from '../../src/lib/server/auth/create-user.ts';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import { type SeedTarget, withSeedDatabase } from './seed-database.ts';

export interface SeedUserOptions extends SeedTarget {
	role: TRole;
	email?: string;
	name?: string;
	password?: string;
	/** Official code of an organisation contact's unit (default Luleå, 2580). */
	organisationCode?: string;
}

export interface SeededUser {
	email: string;
	password: string;
	name: string;
	role: TRole;
}

/**
 * Creates a staff account through the same service as the CLI. With the embedded database this must run
 * before the server starts on `dataDir` (it admits one process); PostgreSQL takes it at any time.
 */
export async function seedUser(options: SeedUserOptions): Promise<SeededUser> {
	return withSeedDatabase(options, async (database) => {
		const user = {
			email: options.email ?? `${options.role}@example.org`,
			password: options.password ?? `${options.role}-lösenord-som-är-långt`,
			name: options.name ?? `Test ${options.role}`,
			role: options.role
		};
		await createUser(
			database.db,
			{
				...user,
				organisationCode: options.role === 'contact' ? (options.organisationCode ?? '2580') : undefined
			},
			'test'
		);
		return user;
	});
}

/** One user per role, in one go (the role matrix and tests that need several). */
export async function seedUsers(
	target: SeedTarget,
	roles: readonly TRole[] = ['admin', 'analyst', 'contact', 'viewer']
): Promise<Record<TRole, SeededUser>> {
	return withSeedDatabase(target, async (database) => {
		const seeded = {} as Record<TRole, SeededUser>;
		for (const role of roles) seeded[role] = await seedUser({ database, role });
		return seeded;
	});
}

export interface Response {
	status: number;
	location: string | null;
	headers: Headers;
	body: string;
}

export interface AdminClient {
	/** The session cookie as sent (`mognad_session=…`). */
	cookie: string;
	get: (path: string, headers?: Record<string, string>) => Promise<Response>;
	/** Posts a form as a browser on the site does: same Origin, url-encoded, redirects not followed. */
	post: (
		path: string,
		fields: Array<[string, string]>,
		headers?: Record<string, string>
	) => Promise<Response>;
}

/** A client that carries `cookie` on every request and does not follow redirects. */
export function clientWithCookie(baseUrl: string, cookie: string): AdminClient {
	const send = async (path: string, init: RequestInit): Promise<Response> => {
		const res = await fetch(`${baseUrl}${path}`, {
			...init,
			redirect: 'manual',
			headers: { cookie, accept: 'text/html', ...(init.headers as Record<string, string>) }
		});
		return {
			status: res.status,
			location: res.headers.get('location'),
			headers: res.headers,
			body: await res.text()
		};
	};
	return {
		cookie,
		get: (path, headers = {}) => send(path, { headers }),
		post: (path, fields, headers = {}) =>
			send(path, {
				method: 'POST',
				headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded', ...headers },
				body: new URLSearchParams(fields).toString()
			})
	};
}

/** Signs in through the sign-in form and returns a client with the session cookie. */
export async function signInOverHttp(
	baseUrl: string,
	user: Pick<SeededUser, 'email' | 'password'>,
	origin = baseUrl
): Promise<AdminClient> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: user.email, password: user.password }).toString()
	});
	const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('mognad_session='));
	if (res.status !== 303 || !setCookie) {
		throw new Error(
			`sign-in of ${user.email} failed: HTTP ${res.status}\n${(await res.text()).slice(0, 500)}`
		);
	}
	await res.arrayBuffer();
	return clientWithCookie(baseUrl, setCookie.split(';')[0] ?? '');
}

/** A browser context signed in as `user` (JavaScript on, Swedish, unless `options` say otherwise). */
export async function signedInContext(
	browser: Browser,
	baseUrl: string,
	user: Pick<SeededUser, 'email' | 'password'>,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	const client = await signInOverHttp(baseUrl, user);
	const [name = '', value = ''] = client.cookie.split(/=(.*)/s);
	const context = await browser.newContext({ locale: 'sv-SE', ...options });
	await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
	return context;
}
