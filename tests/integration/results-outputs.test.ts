import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZWaveChange } from '../../src/lib/core/results/wave-change-schema.ts';
import { ZWaveResults } from '../../src/lib/core/results/wave-results-schema.ts';
import { createApiToken } from '../../src/lib/server/auth/create-api-token.ts';
import { createUser } from '../../src/lib/server/auth/create-user.ts';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { migrateDatabase } from '../../src/lib/server/db/migrate.ts';
import {
	answerMarks,
	answers,
	organisations,
	responses,
	themes,
	waves
} from '../../src/lib/server/db/schema.ts';
import { loadBuiltIns } from '../../src/lib/server/setup/load-built-ins.ts';
import { signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, startAppServer } from '../support/app-server.ts';
import { seedResultsDataset } from '../support/results-dataset.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// The results of the hand-computed dataset (tests/support/results-dataset.ts) through the CLI and the
// JSON API, as a user and a script get them.
const root = path.resolve(import.meta.dirname, '../..');
let backend: TestBackend;
const tokens: Record<'analyst' | 'lulea' | 'kiruna', string> = { analyst: '', lulea: '', kiruna: '' };
const PASSWORD = 'ett-långt-lösenord';
const LULEA_RELEASED = 'Mer samordning mellan kommunerna';
const LULEA_UNRELEASED = 'Stöd, samordning och goda exempel';
const PITEA_RELEASED = '=Visa goda exempel';
const KIRUNA_ANSWER = 'Kiruna behöver <em>mer</em> stöd';

beforeAll(async () => {
	backend = await createTestBackend('results');
	const database = await openDatabase({ dataDir: backend.dataDir, url: backend.url });
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		await seedResultsDataset(database.db);
		// A theme whose label a spreadsheet would run as a formula.
		const [wave] = await database.db.select().from(waves).where(eq(waves.slug, 'nu'));
		await database.db.insert(themes).values({ waveId: wave?.id ?? '', questionCode: 'stod', label: '=1+1' });
		// Free text: Luleå's first answer and Piteå's are released, Luleå's other one only quotable; Kiruna
		// (one respondent, below k) gets a released answer too.
		const [kiruna] = await database.db
			.select({ id: responses.id })
			.from(responses)
			.innerJoin(organisations, eq(organisations.id, responses.organisationId))
			.where(and(eq(responses.waveId, wave?.id ?? ''), eq(organisations.code, '2584')));
		await database.db.insert(answers).values({
			responseId: kiruna?.id ?? '',
			waveId: wave?.id ?? '',
			questionCode: 'stod',
			valueText: KIRUNA_ANSWER
		});
		const stod = await database.db
			.select({ responseId: answers.responseId, text: answers.valueText })
			.from(answers)
			.where(and(eq(answers.waveId, wave?.id ?? ''), eq(answers.questionCode, 'stod')));
		const responseOf = (text: string) => stod.find((a) => a.text === text)?.responseId ?? '';
		await database.db.insert(answerMarks).values([
			{ responseId: responseOf(LULEA_RELEASED), questionCode: 'stod', released: true },
			{ responseId: responseOf(LULEA_UNRELEASED), questionCode: 'stod', quotable: true },
			{ responseId: responseOf(PITEA_RELEASED), questionCode: 'stod', released: true },
			{ responseId: responseOf(KIRUNA_ANSWER), questionCode: 'stod', released: true }
		]);
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

function mognad(...args: string[]) {
	const result = spawnSync(process.execPath, [path.join(root, 'bin', 'mognad.js'), ...args], {
		cwd: root,
		env: {
			...process.env,
			DATABASE_URL: backend.url ?? '',
			MOGNAD_DATA_DIR: backend.dataDir,
			LOG_LEVEL: ''
		},
		encoding: 'utf8'
	});
	return { code: result.status, out: result.stdout, err: result.stderr };
}

const csv = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

describe('mognad results', () => {
	it('prints the results as JSON in the published shape', () => {
		const run = mognad('results', '--wave', 'nu');
		expect(run.code).toBe(0);
		const results = ZWaveResults.parse(JSON.parse(run.out));
		expect(results.responses).toEqual({ complete: 13, partial: 1 });
		expect(results.questions.find((q) => q.code === 'vision')?.options[0]).toEqual({
			code: 'ja',
			label: 'Ja',
			count: 9,
			percent: 69.2,
			ci95: [42.4, 87.3]
		});
	});

	it('prints CSV by organisation: a row per question and option and group, hidden groups without figures, formula cells neutralised', () => {
		// With the one partial response, the whole wave could be subtracted from itself without it: refused.
		const partial = mognad(
			'results',
			'--wave',
			'nu',
			'--by',
			'organisation',
			'--format',
			'csv',
			'--include-partial'
		);
		expect(partial.code).toBe(1);
		expect(partial.err).toContain('This selection shows no figures');
		const run = mognad('results', '--wave', 'nu', '--by', 'organisation', '--format', 'csv');
		expect(run.code).toBe(0);
		const rows = csv(run.out);
		expect(Object.keys(rows[0] ?? {})).toEqual([
			'group',
			'group_label',
			'suppressed',
			'question',
			'type',
			'n',
			'kind',
			'code',
			'label',
			'count',
			'percent',
			'ci95_low',
			'ci95_high',
			'mean',
			'median',
			'sd',
			'top_box_from',
			'top_box_count',
			'top_box_percent',
			'excluded'
		]);
		const ja = rows.find((r) => r.group === '' && r.question === 'ledning_delar' && r.code === 'ja');
		expect(ja).toMatchObject({ n: '13', count: '7', percent: '53.8', ci95_low: '29.1', ci95_high: '76.8' });
		// Kiruna (1) and Boden, whose block it joins, are hidden.
		expect(rows.filter((r) => r.suppressed === 'true').map((r) => [r.group, r.n, r.count])).toEqual([
			['2582', '', ''],
			['2584', '', '']
		]);
		const pitea = rows.find((r) => r.group === '2581' && r.question === 'behov' && r.code === '8');
		// Piteå's behov: 6, 5, 8.
		expect(pitea).toMatchObject({ group_label: 'Piteå', n: '3', count: '1', mean: '6.3', excluded: '0' });
		expect(rows.find((r) => r.group === '' && r.kind === 'theme' && r.label?.includes('1+1'))?.label).toBe(
			"'=1+1"
		);
		expect(rows.filter((r) => r.kind === 'released').map((r) => [r.group, r.label])).toEqual([
			['', "'=Visa goda exempel"],
			['', KIRUNA_ANSWER],
			['', LULEA_RELEASED]
		]);
	});

	it('prints the change since an earlier wave as CSV', () => {
		const run = mognad('results', '--wave', 'nu', '--compare', 'forra', '--format', 'csv');
		expect(run.code).toBe(0);
		const rows = csv(run.out);
		expect(rows.find((r) => r.question === 'vision' && r.code === 'ja')).toMatchObject({
			previous_percent: '10',
			current_percent: '69.2',
			difference: '59.2',
			ci95_low: '18.7',
			ci95_high: '79.1',
			changed: 'true'
		});
		expect(rows.find((r) => r.question === 'ledning_delar' && r.code === 'ja')).toMatchObject({
			difference: '3.8',
			changed: 'false'
		});
		expect(rows.find((r) => r.question === 'ny_fraga')).toMatchObject({
			kind: 'not_comparable',
			not_comparable: 'only-in-this-wave'
		});
		const json = mognad('results', '--wave', 'nu', '--compare', 'forra');
		expect(ZWaveChange.parse(JSON.parse(json.out)).notComparable).toHaveLength(1);
	});

	it('prints the maturity index as CSV: the region, then each municipality', () => {
		const run = mognad('results', '--wave', 'nu', '--maturity', '--format', 'csv', '--organisation', '2580');
		expect(run.code).toBe(0);
		const rows = csv(run.out);
		expect(Object.keys(rows[0] ?? {}).slice(0, 10)).toEqual([
			'group',
			'group_label',
			'suppressed',
			'n',
			'index',
			'level',
			'weakest',
			'capability',
			'legacy',
			'strategi'
		]);
		expect(rows.map((r) => [r.group, r.group_label, r.n, r.index, r.level, r.strategi, r.kompetens])).toEqual(
			[
				['region', 'pooled', '5', '93.3', 'hog', '60', ''],
				['region', 'organisation_mean', '1', '93.3', 'hog', '60', ''],
				['2580', 'Luleå', '5', '93.3', 'hog', '60', '']
			]
		);
		const json = ZWaveResults.parse(JSON.parse(mognad('results', '--wave', 'nu', '--maturity').out));
		expect(json.maturity?.region.pooled?.index).toBe(94.2);
	});

	it('refuses a wrong option or an unknown wave with one line and exit code 1', () => {
		const wrong = mognad('results', '--wave', 'nu', '--by', 'kommun');
		expect(wrong.code).toBe(1);
		expect(wrong.err).toContain('--by must be organisation, department or role');
		const unknown = mognad('results', '--wave', 'finns-inte');
		expect(unknown).toMatchObject({ code: 1, out: '' });
		expect(unknown.err).toContain('No wave with the slug "finns-inte"');
	});
});

describe('GET /api/v1/waves/{slug}/results', () => {
	let server: AppServer;
	beforeAll(async () => {
		server = await startAppServer({ dataDir: backend.dataDir, env: backend.env });
	});
	afterAll(async () => server?.stop());

	const get = (target: string, token?: string) =>
		fetch(`${server.url}${target}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

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
});
