import {
	type ActionFailure,
	isActionFailure,
	isHttpError,
	isRedirect,
	type RequestEvent,
	type ServerLoadEvent
} from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_ROLES, MANAGERS } from '../../core/roles/role-sets.ts';
import { m } from '../../paraglide/messages.js';
import { AppError } from '../app-error.ts';
import type { TSessionUser } from '../auth/roles.ts';
import type { TDatabase } from '../db/client.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { endpoint } from './endpoint.ts';
import { formAction, type TFormFailure } from './form-action.ts';
import { pageLoad } from './page-load.ts';

// The wrappers open the process's database (db/instance.ts): it is this file's test database.
const KEY = Symbol.for('mognad.database');
let database: TDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	(globalThis as Record<symbol, unknown>)[KEY] = Promise.resolve(database);
});
afterAll(async () => {
	(globalThis as Record<symbol, unknown>)[KEY] = undefined;
	await database.close();
});

const analyst: TSessionUser = {
	id: '00000000-0000-0000-0000-000000000001',
	email: 'analys@example.se',
	name: 'Ada Analytiker',
	role: 'analyst',
	organisationId: null
};
const viewer: TSessionUser = { ...analyst, role: 'viewer' };

function post(
	fields: Record<string, string>,
	options: { user?: TSessionUser | null; lang?: 'sv' | 'en'; type?: string } = {}
) {
	const body = options.type ? JSON.stringify(fields) : new URLSearchParams(fields);
	const headers = options.type ? { 'content-type': options.type } : undefined;
	// The wrappers read only the locals and the request of SvelteKit's event.
	return {
		locals: { user: options.user === undefined ? analyst : options.user, lang: options.lang ?? 'sv' },
		request: new Request('http://localhost/', { method: 'POST', body, headers })
	} as unknown as RequestEvent & ServerLoadEvent;
}

/** An action's failure, or the test fails. */
function failure(result: unknown): ActionFailure<TFormFailure<Record<string, unknown>>> {
	if (!isActionFailure(result)) throw new Error('expected a failure');
	return result as unknown as ActionFailure<TFormFailure<Record<string, unknown>>>;
}

/** What a wrapper threw (SvelteKit's error and redirect are thrown). */
async function thrown(run: () => Promise<unknown>): Promise<unknown> {
	try {
		await run();
	} catch (e) {
		return e;
	}
	throw new Error('nothing was thrown');
}

const ZForm = (lang: 'sv' | 'en') =>
	z.object({
		name: z
			.string()
			.trim()
			.min(1, m.dashboard_error_name({}, { locale: lang })),
		k: z.coerce.number().int()
	});

describe('formAction', () => {
	const action = formAction({ roles: MANAGERS, schema: ZForm }, ({ input, user, db }) => {
		expect(db).toBe(database.db);
		return { saved: `${input.name}:${input.k}`, by: user.email };
	});

	it('gives the handler the parsed input, the user and the database', async () => {
		expect(await action(post({ name: ' Våg ', k: '5' }))).toEqual({ saved: 'Våg:5', by: analyst.email });
	});

	it('answers a form the schema refuses with 400 and a message per field in the user’s language', async () => {
		for (const lang of ['sv', 'en'] as const) {
			const result = failure(await action(post({ name: '', k: 'x', password: 'hemligt' }, { lang })));
			expect(result.status).toBe(400);
			expect(result.data.errors).toEqual([
				{ field: 'name', message: m.dashboard_error_name({}, { locale: lang }) },
				{ field: 'k', message: m.error_field_invalid({}, { locale: lang }) }
			]);
			// The values are shown again, never a password.
			expect(result.data.values).toEqual({ name: '', k: 'x' });
		}
		const missing = failure(await action(post({ k: '1' }, { lang: 'en' })));
		expect(missing.data.errors).toEqual([{ field: 'name', message: 'Fill in this field.' }]);
	});

	it('refuses another role with 403 and sends the signed-out to the sign-in page', async () => {
		const forbidden = await thrown(() => action(post({ name: 'Våg', k: '5' }, { user: viewer })));
		expect(isHttpError(forbidden, 403)).toBe(true);
		const signedOut = await thrown(() => action(post({ name: 'Våg', k: '5' }, { user: null })));
		expect(isRedirect(signedOut) && signedOut.location).toBe('/login');
	});

	it('keeps the statuses of a form it cannot read', async () => {
		const json = await action(post({ name: 'Våg' }, { type: 'application/json' }));
		expect(failure(json).status).toBe(415);
		const big = await action(post({ name: 'x'.repeat(300 * 1024), k: '1' }));
		expect(failure(big).status).toBe(413);
	});

	it('maps a service’s AppError once: NOT_FOUND to 404, others to their status and message', async () => {
		const missing = formAction({ roles: ALL_ROLES }, () => {
			throw new AppError('NOT_FOUND', 'No wave with the slug "x"');
		});
		expect(isHttpError(await thrown(() => missing(post({}))), 404)).toBe(true);
		const closed = formAction({ roles: ALL_ROLES, context: { section: 'add' } }, () => {
			throw new AppError('WAVE_CLOSED', 'The wave is closed.');
		});
		const result = failure(await closed(post({ name: 'Våg' })));
		expect(result.status).toBe(410);
		expect(result.data).toEqual({
			error: 'The wave is closed.',
			errors: [{ field: '', message: 'The wave is closed.' }],
			values: { name: 'Våg' },
			code: 'WAVE_CLOSED',
			section: 'add'
		});
	});

	it('shows a refusal the route names beside its field', async () => {
		const duplicate = formAction(
			{
				roles: MANAGERS,
				refusal: (e) => (e.code === 'CONFLICT' ? { field: 'name', message: 'Taken' } : undefined)
			},
			() => {
				throw new AppError('CONFLICT', 'A wave is called that already');
			}
		);
		const result = await duplicate(post({ name: 'Våg' }));
		expect(failure(result).status).toBe(409);
		expect(failure(result).data.errors).toEqual([{ field: 'name', message: 'Taken' }]);
	});
});

describe('pageLoad', () => {
	it('checks the role and answers an AppError with its status', async () => {
		const load = pageLoad({ roles: MANAGERS }, ({ user }) => ({ name: user.name }));
		expect(await load(post({}))).toEqual({ name: analyst.name });
		expect(isHttpError(await thrown(() => load(post({}, { user: viewer }))), 403)).toBe(true);
		const hidden = pageLoad({ roles: ALL_ROLES }, () => {
			throw new AppError('SMALL_GROUP', 'Too few answers.');
		});
		const e = await thrown(() => hidden(post({})));
		expect(isHttpError(e, 403) && e.body).toMatchObject({ message: 'Too few answers.', code: 'SMALL_GROUP' });
	});

	it('lets anyone open a public page', async () => {
		const load = pageLoad({ roles: 'public' }, ({ user }) => ({ signedIn: user !== null }));
		expect(await load(post({}, { user: null }))).toEqual({ signedIn: false });
	});
});

describe('endpoint', () => {
	const api = endpoint({ roles: ALL_ROLES, api: true }, () => {
		throw new AppError('NOT_FOUND', 'No wave with the slug "x"');
	});

	it('answers the API signed out with 401, another role with 403 and an AppError, all as its JSON error', async () => {
		const signedOut = await api(post({}, { user: null }));
		expect(signedOut.status).toBe(401);
		expect(await signedOut.json()).toEqual({
			error: {
				code: 'UNAUTHENTICATED',
				message: 'Sign in, or send an API token as "Authorization: Bearer …"'
			}
		});
		const managers = endpoint({ roles: MANAGERS, api: true }, () => new Response('ok'));
		const refused = await managers(post({}, { user: viewer, lang: 'en' }));
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({
			error: { code: 'FORBIDDEN', message: 'Your account may not open this page.' }
		});
		const response = await api(post({}));
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({
			error: { code: 'NOT_FOUND', message: 'No wave with the slug "x"' }
		});
	});

	it('parses a posted form and refuses a wrong one with 400', async () => {
		const download = endpoint({ roles: MANAGERS, schema: ZForm }, ({ input }) => new Response(input.name));
		expect(await (await download(post({ name: 'Våg', k: '1' }))).text()).toBe('Våg');
		const e = await thrown(() => download(post({ name: '', k: '1' }, { lang: 'en' })));
		expect(isHttpError(e, 400) && e.body.message).toBe(m.dashboard_error_name({}, { locale: 'en' }));
		expect(
			isHttpError(await thrown(() => download(post({ name: 'Våg', k: '1' }, { user: viewer }))), 403)
		).toBe(true);
	});
});
