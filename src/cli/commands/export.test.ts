import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, respond } from '../../../tests/support/results-dataset.ts';
import { responseColumns } from '../../lib/core/exchange/response-columns.ts';
import { builtInTemplate } from '../../lib/core/testing/questionnaires.ts';
import type { TDatabase } from '../../lib/server/db/client.ts';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad export …` as a user runs it, in this process on the file's own database (PGlite, or PostgreSQL with DATABASE_URL).
const names = responseColumns(builtInTemplate()).map((c) => c.name);
let cli: TInProcessCli;

beforeAll(async () => {
	cli = await startInProcessCli();
	expect((await mognad('migrate')).code).toBe(0);
	expect(
		(await mognad('wave', 'create', '--questionnaire', 'digital-mognad-i-kommuner', '--name', 'Export 2024'))
			.code
	).toBe(0);
	expect((await mognad('wave', 'open', 'export-2024')).code).toBe(0);
	await withDatabase(async ({ db }) => {
		await respond(
			db,
			'export-2024',
			'2580',
			completeAnswers({ stod: { kind: 'text', value: '+46 "citat";\nny rad' } })
		);
		await respond(db, 'export-2024', '2581', { behov: { kind: 'scale', value: 7 } }, true);
	});
}, 120_000);
afterAll(async () => cli.close());

const mognad = (...args: string[]) => cli.run(args);

const withDatabase = <T>(run: (database: TDatabase) => Promise<T>): Promise<T> => run(cli.database);

const file = (name: string) => readFileSync(path.join(cli.dir, name));

describe('mognad export responses', () => {
	it('writes a CSV with ; (or , when asked), one row per response', async () => {
		const run = await mognad(
			'export',
			'responses',
			'--wave',
			'export-2024',
			'--format',
			'csv',
			'--out',
			'svar.csv'
		);
		expect(run.code, run.err).toBe(0);
		expect(run.out.trim()).toBe('Wrote the responses of export-2024 (csv) to svar.csv');
		const rows: Record<string, string>[] = parse(file('svar.csv'), {
			bom: true,
			columns: true,
			delimiter: ';'
		});
		expect(rows.map((r) => [r.organisation_code, r.status, r.behov]).sort()).toEqual([
			['2580', 'complete', '5'],
			['2581', 'partial', '7']
		]);
		expect(rows.find((r) => r.status === 'complete')?.stod).toBe(`'+46 "citat";\nny rad`);
		expect(
			(
				await mognad(
					'export',
					'responses',
					'--wave',
					'export-2024',
					'--format',
					'csv',
					'--out',
					'komma.csv',
					'--separator',
					','
				)
			).code
		).toBe(0);
		expect(file('komma.csv').toString().split('\r\n')[0]).toBe(`\uFEFF${names.join(',')}`);
	});

	it('writes an XLSX workbook with values, labels and codebook', async () => {
		const run = await mognad(
			'export',
			'responses',
			'--wave',
			'export-2024',
			'--format',
			'xlsx',
			'--out',
			'svar.xlsx'
		);
		expect(run.code, run.err).toBe(0);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(file('svar.xlsx') as never);
		expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
			['values', 3],
			['labels', 3],
			['codebook', names.length + 1]
		]);
	});

	it('writes SPSS data, syntax and codebook into a folder, or one ZIP', async () => {
		expect(
			(await mognad('export', 'responses', '--wave', 'export-2024', '--format', 'spss', '--out', 'spss')).code
		).toBe(0);
		expect(readdirSync(path.join(cli.dir, 'spss')).sort()).toEqual([
			'export-2024-kodbok.csv',
			'export-2024-svar.csv',
			'export-2024-svar.sps'
		]);
		expect(file('spss/export-2024-svar.sps').toString()).toContain("/FILE='export-2024-svar.csv'");
		expect(
			(await mognad('export', 'responses', '--wave', 'export-2024', '--format', 'spss', '--out', 'spss.zip'))
				.code
		).toBe(0);
		expect(Object.keys(unzipSync(new Uint8Array(file('spss.zip')))).sort()).toEqual([
			'export-2024-kodbok.csv',
			'export-2024-svar.csv',
			'export-2024-svar.sps'
		]);
	});

	it('refuses a wrong format or an unknown wave with one line', async () => {
		const format = await mognad(
			'export',
			'responses',
			'--wave',
			'export-2024',
			'--format',
			'sav',
			'--out',
			'x'
		);
		expect(format.code).toBe(1);
		expect(format.err.trim()).toBe('mognad: --format must be csv, xlsx or spss');
		const wave = await mognad(
			'export',
			'responses',
			'--wave',
			'finns-inte',
			'--format',
			'csv',
			'--out',
			'x.csv'
		);
		expect(wave.code).toBe(1);
		expect(wave.err.trim()).toBe('mognad: No wave with the slug "finns-inte"');
	});

	it('records each export in the audit log as done from the command line', async () => {
		const entries = await withDatabase(({ db }) =>
			db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, 'export.responses') })
		);
		expect(entries.length).toBeGreaterThanOrEqual(5);
		expect(new Set(entries.map((e) => `${e.actor} ${e.subject}`))).toEqual(new Set(['cli export-2024']));
	});
});

describe('mognad export questionnaire', () => {
	it('prints the definition that questionnaire import accepts, and writes it to a file', async () => {
		const printed = await mognad('export', 'questionnaire', 'digital-mognad-i-kommuner');
		expect(printed.code, printed.err).toBe(0);
		expect(JSON.parse(printed.out)).toEqual(builtInTemplate());
		expect(
			(await mognad('export', 'questionnaire', 'digital-mognad-i-kommuner', '--out', 'enkat.json')).code
		).toBe(0);
		const validated = await mognad('questionnaire', 'validate', 'enkat.json');
		expect(validated.out.trim()).toBe('enkat.json: valid (digital-mognad-i-kommuner v3)');
		expect((await mognad('questionnaire', 'import', 'enkat.json')).out.trim()).toBe(
			'Already published: digital-mognad-i-kommuner v3'
		);
	});

	it('refuses an unknown questionnaire or version', async () => {
		const run = await mognad('export', 'questionnaire', 'digital-mognad-i-kommuner', '--version', '9');
		expect(run.code).toBe(1);
		expect(run.err.trim()).toBe('mognad: No published questionnaire "digital-mognad-i-kommuner" version 9');
	});
});

describe('mognad export codebook', () => {
	it('writes the codebook as JSON', async () => {
		expect(
			(
				await mognad(
					'export',
					'codebook',
					'--wave',
					'export-2024',
					'--format',
					'json',
					'--out',
					'kodbok.json'
				)
			).code
		).toBe(0);
		const codebook = JSON.parse(file('kodbok.json').toString());
		expect(codebook.columns.map((c: { column: string }) => c.column)).toEqual(names);
	});
});
