import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZWaveResults } from '../../src/lib/core/results/wave-results-schema.ts';
import { createApiToken } from '../../src/lib/server/auth/create-api-token.ts';
import { createUser } from '../../src/lib/server/auth/create-user.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import { loadBuiltIns } from '../../src/lib/server/setup/load-built-ins.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { signInOverHttp } from '../support/admin-client.ts';
import { errorChecker, responseChecker, type TOpenApiDocument } from '../support/api-contract.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import {
	KIRUNA_ANSWER,
	LULEA_RELEASED,
	LULEA_UNRELEASED,
	PITEA_RELEASED,
	seedResultsOutputs
} from '../support/results-dataset.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// The results of the hand-computed dataset (tests/support/results-dataset.ts) through the JSON API, as a
// script gets them; the CLI's are in src/cli/commands/results.test.ts.
let backend: TestBackend;
const tokens: Record<'analyst' | 'lulea' | 'kiruna', string> = { analyst: '', lulea: '', kiruna: '' };
const PASSWORD = 'ett-långt-lösenord';

beforeAll(async () => {
	backend = await createTestBackend('results');
	const database = await openDatabase({ dataDir: backend.dataDir, url: backend.url });
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		await seedResultsOutputs(database.db);
		// A wave Luleå's contact has no part in: 403 for them whatever the figures.
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Kirunas egen',
			slug: 'kirunas-egen',
			ownerCode: '2584'
		});
		const account = async (role: 'analyst' | 'contact', email: string, organisationCode?: string) => {
			const user = await createUser(
				database.db,
				{
					email,
					name: email,
					password: PASSWORD,
					role,
					organisationCode
				},
				'test'
			);
			return (await createApiToken(database.db, user, 'skript')).token;
		};
		tokens.analyst = await account('analyst', 'analytiker@example.org');
		tokens.lulea = await account('contact', 'lulea@example.org', '2580');
		tokens.kiruna = await account('contact', 'kiruna@example.org', '2584');
	} finally {
		await database.close();
	}
});
afterAll(async () => backend?.cleanup());

describe('the JSON API (/api/v1)', () => {
	let server: AppServer;
	beforeAll(async () => {
		server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	});
	afterAll(async () => server?.stop());

	const get = (target: string, token?: string, headers: Record<string, string> = {}) =>
		fetch(`${server.url}${target}`, {
			headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }
		});

	it('gives a script with an API token the results, with the same query options as the CLI', async () => {
		const refused = await get('/api/v1/waves/nu/results?by=organisation&includePartial=true', tokens.analyst);
		expect(refused.status).toBe(403);
		expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('SMALL_GROUP');
		const res = await get('/api/v1/waves/nu/results?by=organisation', tokens.analyst);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		const results = ZWaveResults.parse(await res.json());
		expect(results.filters).toEqual({
			organisation: null,
			roleGroup: null,
			includePartial: false,
			by: 'organisation'
		});
		expect(results.breakdown?.map((g) => [g.group, g.n, g.suppressed])).toEqual([
			['2582', null, true],
			['2584', null, true],
			['2580', 5, false],
			['2581', 3, false]
		]);
	});

	it('answers bad parameters with 400 and every problem named', async () => {
		const res = await get(
			'/api/v1/waves/nu/results?by=kommun&includePartial=ja&x=1&lang=sv&lang=en',
			tokens.analyst
		);
		expect(res.status).toBe(400);
		const body = (await res.json()) as { error: { code: string; issues: Array<{ parameter: string }> } };
		expect(body.error.code).toBe('INVALID_INPUT');
		expect(body.error.issues.map((i) => i.parameter).sort()).toEqual(['by', 'includePartial', 'lang', 'x']);
	});

	it('answers an unknown wave with 404 and no token with 401', async () => {
		const missing = await get('/api/v1/waves/finns-inte/results', tokens.analyst);
		expect(missing.status).toBe(404);
		expect(await missing.json()).toEqual({
			error: { code: 'NOT_FOUND', message: 'No wave with the slug "finns-inte"' }
		});
		expect((await get('/api/v1/waves/nu/results')).status).toBe(401);
		expect((await get('/api/v1/waves/nu/results', 'fel-token')).status).toBe(401);
	});

	it("gives an organisation contact their own organisation's results only, and only with at least k respondents", async () => {
		const own = await get('/api/v1/waves/nu/results?by=department', tokens.lulea);
		expect(own.status).toBe(200);
		const results = ZWaveResults.parse(await own.json());
		expect(results.responses).toEqual({ complete: 5, partial: 0 });
		expect(results.filters.organisation).toBe('2580');
		// Luleå itself 4, its IT department 1: the department is hidden, and so is the one other group.
		expect(results.breakdown?.map((g) => [g.group, g.n, g.suppressed])).toEqual([
			['2580', null, true],
			['2580-it', null, true]
		]);
		expect((await get('/api/v1/waves/nu/results?organisation=2584', tokens.lulea)).status).toBe(403);
		expect((await get('/api/v1/waves/nu/results?roleGroup=it', tokens.lulea)).status).toBe(403);
		// Kiruna has one respondent, fewer than k = 3.
		expect((await get('/api/v1/waves/nu/results', tokens.kiruna)).status).toBe(403);
	});

	it("adds the maturity index when asked: an organisation contact gets their own organisation's", async () => {
		const res = await get('/api/v1/waves/nu/results?maturity=true', tokens.lulea);
		expect(res.status).toBe(200);
		const maturity = ZWaveResults.parse(await res.json()).maturity;
		// Luleå's five respondents: strategi (ledning_delar, vision) 100, 100, 0, 100 and 0 (nej, vet ej):
		// 300 / 5 = 60; every other dimension 100 but kompetens (only vet ej): none.
		// index (60 + 5 × 100) / 6 = 93.33 · capability (60 + 4 × 100) / 5 = 92 · legacy 100
		const profile = {
			dimensions: {
				strategi: 60,
				medborgarfokus: 100,
				ledning: 100,
				digitalt_arv: 100,
				omvarld: 100,
				kultur: 100,
				kompetens: null
			},
			index: 93.3,
			weakest: 'strategi',
			level: 'hog',
			placement: { capability: 92, legacy: 100 }
		};
		expect(maturity?.respondents).toBe(5);
		expect(maturity?.region.pooled).toEqual(profile);
		expect(maturity?.organisations).toEqual([
			{ group: '2580', label: 'Luleå', n: 5, suppressed: false, profile }
		]);
		expect((await get('/api/v1/waves/nu/results?maturity=ja', tokens.lulea)).status).toBe(400);
	});

	it('gives an analyst the whole region: Kiruna (1) and Boden, whose block it joins, hidden', async () => {
		const res = await get('/api/v1/waves/nu/results?maturity=true', tokens.analyst);
		const maturity = ZWaveResults.parse(await res.json()).maturity;
		expect(
			maturity?.organisations.map((o) => [o.group, o.n, o.suppressed, o.profile?.index ?? null])
		).toEqual([
			['2582', null, true, null],
			['2584', null, true, null],
			['2580', 5, false, 93.3],
			// Piteå: strategi (100 + 0 + 100) / 3 = 66.67 (respondent 8 has vision only); index 566.67 / 6 = 94.44
			['2581', 3, false, 94.4]
		]);
		// Pooled strategi 850 / 13 = 65.38: index 565.38 / 6 = 94.23, capability 465.38 / 5 = 93.08.
		expect(maturity?.region.pooled).toMatchObject({
			index: 94.2,
			placement: { capability: 93.1, legacy: 100 }
		});
		expect(maturity?.region.pooled?.dimensions.strategi).toBe(65.4);
		// Luleå and Piteå: strategi (60 + 66.67) / 2 = 63.33; index 563.33 / 6 = 93.89.
		expect(maturity?.region.organisationMean).toMatchObject({ organisations: 2, index: 93.9 });
		expect(maturity?.region.organisationMean.dimensions.strategi).toBe(63.3);
		// Every respondent has six of seven dimensions, each index at least 500 / 6 = 83.3: all Hög.
		expect(maturity?.region.respondentLevels).toEqual({
			respondents: 13,
			levels: [
				{ code: 'lag', respondents: 0 },
				{ code: 'medel', respondents: 0 },
				{ code: 'hog', respondents: 13 }
			]
		});
	});

	it('gives the free-text answers the analyst released, never the others; a contact only their own unit’s', async () => {
		const own = ZWaveResults.parse(await (await get('/api/v1/waves/nu/results', tokens.lulea)).json());
		expect(own.questions.find((q) => q.code === 'stod')?.released).toEqual([LULEA_RELEASED]);
		// Only the whole selection's questions carry them, and only free-text ones.
		expect(own.questions.find((q) => q.code === 'vision')).not.toHaveProperty('released');
		const all = ZWaveResults.parse(
			await (await get('/api/v1/waves/nu/results?by=organisation', tokens.analyst)).json()
		);
		expect(all.questions.find((q) => q.code === 'stod')?.released).toEqual([
			PITEA_RELEASED,
			KIRUNA_ANSWER,
			LULEA_RELEASED
		]);
		expect(all.breakdown?.flatMap((g) => g.questions).some((q) => q.released !== undefined)).toBe(false);
		// Kiruna has one respondent, fewer than k: nothing at all, its released answer neither.
		const kiruna = await get('/api/v1/waves/nu/results', tokens.kiruna);
		expect(kiruna.status).toBe(403);
		expect(await kiruna.text()).not.toContain('Kiruna behöver');
	});

	it("shows a contact the released answers of their own unit on the question's page, escaped", async () => {
		const lulea = await signInOverHttp(server.url, { email: 'lulea@example.org', password: PASSWORD });
		const page = await lulea.get('/admin/waves/nu/results/stod');
		expect(page.status).toBe(200);
		expect(page.body).toContain(LULEA_RELEASED);
		expect(page.body).not.toContain(LULEA_UNRELEASED);
		expect(page.body).not.toContain('Visa goda exempel');
		expect(page.body).not.toContain('Kiruna behöver');
		// No themes, marks or forms to change them.
		expect(page.body).not.toContain('action="?/');
		expect(page.body).not.toContain('Samordning</');
		const kiruna = await signInOverHttp(server.url, { email: 'kiruna@example.org', password: PASSWORD });
		const hidden = await kiruna.get('/admin/waves/nu/results/stod');
		expect(hidden.status).toBe(200);
		expect(hidden.body).toContain('Urvalet visas utan siffror: det har färre än 3 fullständiga svar');
		expect(hidden.body).not.toContain('Kiruna behöver');
		expect((await kiruna.get('/admin/waves/nu/results/stod?organisation=2580')).status).toBe(403);
		// The analyst sees every answer, Kiruna's escaped.
		const analyst = await signInOverHttp(server.url, {
			email: 'analytiker@example.org',
			password: PASSWORD
		});
		const full = await analyst.get('/admin/waves/nu/results/stod');
		expect(full.body).toContain(LULEA_UNRELEASED);
		expect(full.body).toContain('Kiruna behöver &lt;em>mer&lt;/em> stöd');
	});

	it("downloads the results page's selection as CSV for Swedish Excel, or plain with dialect=en", async () => {
		const analyst = await signInOverHttp(server.url, {
			email: 'analytiker@example.org',
			password: PASSWORD
		});
		const page = await analyst.get('/admin/waves/nu/results?by=organisation');
		expect(page.body).toContain('href="/admin/waves/nu/results.csv?by=organisation"');
		expect(page.body).toContain('href="/admin/waves/nu/results.csv?by=organisation&amp;dialect=en"');
		const swedish = await analyst.get('/admin/waves/nu/results.csv');
		expect(swedish.status).toBe(200);
		expect(swedish.headers.get('content-disposition')).toBe('attachment; filename="nu-resultat.csv"');
		const rows = swedish.body.split('\r\n');
		expect(rows[0]?.startsWith('group;group_label;suppressed;question;')).toBe(true);
		expect(rows.find((r) => r.includes(';ledning_delar;') && r.includes(';option;ja;'))).toContain(
			';7;53,8;29,1;76,8;'
		);
		const plain = await analyst.get('/admin/waves/nu/results.csv?dialect=en');
		expect(plain.body.startsWith('group,group_label,suppressed,question,')).toBe(true);
		expect(plain.body).toContain(',7,53.8,29.1,76.8,');
		// A contact gets their own organisation, and no themes or free text, as on the page.
		const lulea = await signInOverHttp(server.url, { email: 'lulea@example.org', password: PASSWORD });
		const own = await lulea.get('/admin/waves/nu/results.csv');
		expect(own.status).toBe(200);
		expect(own.body).not.toContain(';theme;');
		expect(own.body).not.toContain(';released;');
		expect(own.body).not.toContain(LULEA_RELEASED);
		expect((await lulea.get('/admin/waves/nu/results.csv?organisation=2581')).status).toBe(403);
	});

	it('serves an OpenAPI 3.1 document describing the endpoint and its JSON shape', async () => {
		const res = await get('/api/v1/openapi.json', tokens.analyst);
		expect(res.status).toBe(200);
		const doc = (await res.json()) as {
			openapi: string;
			paths: Record<string, { get: { parameters: Array<{ name: string; in: string }> } }>;
			components: { schemas: { WaveResults: { properties: Record<string, unknown>; required: string[] } } };
		};
		expect(doc.openapi).toBe('3.1.0');
		const operation = doc.paths['/waves/{slug}/results']?.get;
		expect(operation?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
			'path:slug',
			'query:by',
			'query:includePartial',
			'query:organisation',
			'query:roleGroup',
			'query:maturity',
			'query:lang'
		]);
		const schema = doc.components.schemas.WaveResults;
		expect(Object.keys(schema.properties)).toEqual([
			'wave',
			'filters',
			'responses',
			'organisations',
			'questions',
			'breakdown',
			'maturity'
		]);
		expect(schema.required).not.toContain('breakdown');
		expect(schema.required).not.toContain('maturity');
	});
	it('answers every route as its OpenAPI document says: signed out, refused, bad input, unknown wave, success', async () => {
		const served = await get('/api/v1/openapi.json', tokens.analyst);
		const document = (await served.json()) as TOpenApiDocument;
		const validator = new Validator();
		const valid = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
		expect(valid.errors ?? []).toEqual([]);
		const check = responseChecker(document);
		const status = '/waves/{slug}/status';
		const results = '/waves/{slug}/results';
		const cases: Array<{ path: string; url: string; token?: string; accept?: string; status: number }> = [
			{ path: '/openapi.json', url: '/openapi.json', status: 401 },
			{ path: '/openapi.json', url: '/openapi.json', token: 'fel-token', status: 401 },
			{ path: '/openapi.json', url: '/openapi.json', token: tokens.kiruna, status: 200 },
			{ path: status, url: '/waves/nu/status', status: 401 },
			{ path: status, url: '/waves/nu/status', accept: 'text/html', status: 401 },
			{ path: status, url: '/waves/nu/status', token: 'fel-token', status: 401 },
			{ path: status, url: '/waves/kirunas-egen/status', token: tokens.lulea, status: 403 },
			{ path: status, url: '/waves/finns-inte/status', token: tokens.analyst, status: 404 },
			{ path: status, url: '/waves/nu/status', token: tokens.analyst, status: 200 },
			{ path: status, url: '/waves/nu/status', token: tokens.lulea, status: 200 },
			{ path: status, url: '/waves/kirunas-egen/status', token: tokens.kiruna, status: 200 },
			{ path: results, url: '/waves/nu/results', status: 401 },
			{ path: results, url: '/waves/nu/results', accept: 'text/html', status: 401 },
			{ path: results, url: '/waves/nu/results?organisation=2584', token: tokens.lulea, status: 403 },
			{ path: results, url: '/waves/nu/results', token: tokens.kiruna, status: 403 },
			{
				path: results,
				url: '/waves/nu/results?by=kommun&x=1&lang=sv&lang=en',
				token: tokens.analyst,
				status: 400
			},
			{ path: results, url: '/waves/finns-inte/results', token: tokens.analyst, status: 404 },
			{ path: results, url: '/waves/nu/results?organisation=0000', token: tokens.analyst, status: 404 },
			{ path: results, url: '/waves/nu/results', token: tokens.analyst, status: 200 },
			{
				path: results,
				url: '/waves/nu/results?by=organisation&maturity=true',
				token: tokens.analyst,
				status: 200
			},
			{
				path: results,
				url: '/waves/nu/results?by=department&maturity=true',
				token: tokens.lulea,
				status: 200
			}
		];
		// A route added to the document is called here too.
		expect([...new Set(cases.map((c) => c.path))].sort()).toEqual(Object.keys(document.paths).sort());
		for (const c of cases) {
			const res = await get(`/api/v1${c.url}`, c.token, c.accept ? { accept: c.accept } : {});
			const where = `${c.url} ${c.token ? 'with a token' : 'signed out'}`;
			expect(res.status, where).toBe(c.status);
			expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
			expect(check(c.path, 'get', res.status, await res.json()), where).toBeNull();
		}
	});

	it('gives what SvelteKit answers itself on the API the same Error body: no such route, a method it lacks', async () => {
		const served = (await (await get('/api/v1/openapi.json', tokens.analyst)).json()) as TOpenApiDocument;
		const isError = errorChecker(served);
		const unknown = await get('/api/v1/finns-inte', tokens.analyst, { accept: 'text/html' });
		expect(unknown.status).toBe(404);
		expect(isError(await unknown.json())).toBeNull();
		const signedOut = await get('/api/v1/waves/nu/finns-inte');
		expect(signedOut.status).toBe(404);
		expect(isError(await signedOut.json())).toBeNull();
		const posted = await fetch(`${server.url}/api/v1/waves/nu/status`, {
			method: 'POST',
			headers: { authorization: `Bearer ${tokens.analyst}`, 'content-type': 'application/json' },
			body: '{}'
		});
		expect(posted.status).toBe(405);
		expect(posted.headers.get('allow')).toContain('GET');
		expect(await posted.json()).toEqual({
			error: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String) }
		});
	});
});
