import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, respond } from '../../../../tests/support/results-dataset.ts';
import { cellsToResponse, formatTimestamp, responseColumns } from '../../core/exchange/response-columns.ts';
import { builtInTemplate } from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import { auditLog, responses } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { resolveRespondent } from '../responses/resolve-respondent.ts';
import { saveSection } from '../responses/save-section.ts';
import { submitResponse } from '../responses/submit-response.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { exportCodebook } from './export-codebook.ts';
import { exportResponsesCsv } from './export-responses-csv.ts';
import { exportResponsesSpss, zipSpssExport } from './export-responses-spss.ts';
import { exportResponsesXlsx } from './export-responses-xlsx.ts';
import { loadExportWave } from './load-export-wave.ts';
import { streamResponseCells } from './stream-response-cells.ts';

// Stored as the respondent form stores text: line breaks as \n.
const HOSTILE = 'Rad ett\nrad två; "citat", <b>fet</b> **md** #set text() 😀 مرحبا';
const FORMULA = '=HYPERLINK("http://evil.example","klicka")';
const columns = responseColumns(builtInTemplate());
const names = columns.map((c) => c.name);

let database: TDatabase;
const ids: Record<'lulea' | 'pitea' | 'partial', string> = { lulea: '', pitea: '', partial: '' };
const submitted: Record<string, string> = {};

async function read(body: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
	return Buffer.concat(chunks);
}

/** A named participant (name, e-mail, title) answers and submits: none of it may reach an export. */
async function respondAsPerson(slug: string): Promise<string> {
	const { token } = await addParticipant(database.db, {
		waveSlug: slug,
		organisationCode: '2580',
		name: 'Anna Persondata',
		email: 'anna.persondata@example.org',
		title: 'Hemlig titel'
	});
	const respondent = await resolveRespondent(database.db, token);
	if (!respondent) throw new Error('no respondent');
	const answers = completeAnswers({ stod: { kind: 'text', value: 'Anonym kommentar' } });
	let id = '';
	for (const section of respondent.questionnaire.sections) {
		const page = Object.fromEntries(
			Object.entries(answers).filter(([code]) => section.questions.some((q) => q.code === code))
		);
		if (Object.keys(page).length === 0) continue;
		id = await saveSection(database.db, {
			respondent,
			section,
			answers: page,
			currentSection: section.code,
			lang: 'sv'
		});
	}
	const again = await resolveRespondent(database.db, token);
	if (!again) throw new Error('no respondent');
	await submitResponse(database.db, again);
	return id;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const { db } = database;
	await createWave(db, { questionnaireCode: 'digital-mognad-i-kommuner', name: 'Export', slug: 'export' });
	await createWave(db, {
		questionnaireCode: 'digital-mognad-i-kommuner',
		name: 'Anonym',
		slug: 'anonym',
		anonymous: true
	});
	await setWaveStatus(db, 'export', 'open');
	await setWaveStatus(db, 'anonym', 'open');
	ids.lulea = await respond(
		db,
		'export',
		'2580',
		completeAnswers({
			behov: { kind: 'scale', value: 9 },
			behov_kommentar: { kind: 'text', value: HOSTILE },
			drivande: { kind: 'multi', options: ['it', 'annat'], other: '@annat' },
			stod: { kind: 'text', value: FORMULA }
		})
	);
	ids.pitea = await respond(
		db,
		'export',
		'2581',
		completeAnswers({ vision: { kind: 'single', option: 'vet_ej' } })
	);
	ids.partial = await respond(db, 'export', '2582', { behov: { kind: 'scale', value: 4 } }, true);
	for (const r of await db.select().from(responses)) {
		submitted[r.id] = r.submittedAt ? formatTimestamp(r.submittedAt) : '';
	}
	await respondAsPerson('anonym');
	await respondAsPerson('export');
});
afterAll(async () => database?.close());

/** The expected cells of the three seeded responses (the named one is checked separately). */
function expectedRows(): Record<string, string>[] {
	const base = (id: string, unit: string, name: string, status: string) => ({
		response_id: id,
		organisation_code: unit,
		organisation: name,
		role: '',
		role_group: '',
		status,
		submitted_at: submitted[id] ?? '',
		...Object.fromEntries(names.slice(7).map((n) => [n, '']))
	});
	const complete = {
		behov: '5',
		ledning_delar: 'ja',
		vision: 'ja',
		medborgarbild: 'ja',
		beslutskapacitet: 'ja',
		it_arv: 'nej',
		omvarld: 'ja',
		'drivande.politiker': '0',
		'drivande.ledning': '0',
		'drivande.it': '1',
		'drivande.tjansteman': '0',
		'drivande.medborgare': '0',
		'drivande.naringsliv': '0',
		'drivande.annat': '0',
		kultur: 'ja',
		kompetens: 'vet_ej'
	};
	return [
		{
			...base(ids.lulea, '2580', 'Luleå', 'complete'),
			...complete,
			behov: '9',
			behov_kommentar: HOSTILE,
			'drivande.annat': '1',
			'drivande.annat.text': "'@annat",
			stod: `'${FORMULA}`
		},
		{ ...base(ids.pitea, '2581', 'Piteå', 'complete'), ...complete, vision: 'vet_ej' },
		{ ...base(ids.partial, '2582', 'Boden', 'partial'), behov: '4' }
	];
}

describe('exportResponsesCsv', () => {
	it('writes UTF-8 with a BOM, ; between cells, CRLF lines, codes as values, one row per response', async () => {
		const file = await exportResponsesCsv(database.db, { slug: 'export', actor: 'analys@example.org' });
		expect(file.filename).toBe('export-svar.csv');
		const bytes = await read(file.body);
		const text = bytes.toString('utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text.slice(1, text.indexOf('\r\n'))).toBe(names.join(';'));
		// Quotes are doubled and the line break kept inside the quoted cell; the formula gets its apostrophe.
		expect(text).toContain(`;"Rad ett\nrad två; ""citat"", <b>fet</b> **md** #set text() 😀 مرحبا";`);
		expect(text).toContain(`;"'=HYPERLINK(""http://evil.example"",""klicka"")"`);
		const rows: Record<string, string>[] = parse(bytes, { bom: true, columns: true, delimiter: ';' });
		expect(rows).toHaveLength(4);
		const byId = new Map(rows.map((r) => [r.response_id, r]));
		for (const expected of expectedRows()) expect(byId.get(expected.response_id)).toEqual(expected);
		// Ordered by response id (the order of reading in batches).
		expect(rows.map((r) => r.response_id)).toEqual([...byId.keys()].sort());
	});

	it('separates with , when asked, and reads back into the same answers', async () => {
		const file = await exportResponsesCsv(database.db, { slug: 'export', separator: ',', actor: 'cli' });
		const rows: string[][] = parse(await read(file.body), { bom: true, delimiter: ',' });
		expect(rows[0]).toEqual(names);
		const lulea = rows.find((r) => r[0] === ids.lulea);
		const parsed = cellsToResponse(columns, lulea ?? []);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.rows.find((r) => r.questionCode === 'behov_kommentar')?.valueText).toBe(HOSTILE);
		expect(parsed.rows.find((r) => r.questionCode === 'stod')?.valueText).toBe(FORMULA);
		expect(parsed.rows.find((r) => r.optionCode === 'annat')?.valueText).toBe('@annat');
	});

	it('puts no personal data in any export: no name, e-mail or title of a participant', async () => {
		for (const slug of ['export', 'anonym']) {
			const csv = (
				await read((await exportResponsesCsv(database.db, { slug, actor: 'cli' })).body)
			).toString();
			const xlsx = await read((await exportResponsesXlsx(database.db, { slug, actor: 'cli' })).body);
			const spss = zipSpssExport(await exportResponsesSpss(database.db, { slug, actor: 'cli' }), slug);
			const files = unzipSync(new Uint8Array(await read(spss.body)));
			const xlsxText = Object.values(unzipSync(new Uint8Array(xlsx)))
				.map((f) => Buffer.from(f).toString())
				.join('\n');
			const spssText = Object.values(files)
				.map((f) => Buffer.from(f).toString())
				.join('\n');
			for (const text of [csv, xlsxText, spssText]) {
				expect(text).toContain('Anonym kommentar');
				expect(text).not.toContain('Persondata');
				expect(text).not.toContain('anna.persondata');
				if (slug === 'anonym') expect(text).not.toContain('Hemlig titel');
			}
		}
	});

	it('leaves the role of an anonymous wave empty (a job title can point to a person)', async () => {
		const wave = await loadExportWave(database.db, 'anonym');
		const all = [];
		for await (const batch of streamResponseCells(database.db, wave)) all.push(...batch);
		expect(all).toHaveLength(1);
		expect(all[0]?.[3]).toBeNull();
	});

	it('reads every response however small the batches', async () => {
		const wave = await loadExportWave(database.db, 'export');
		const seen: string[] = [];
		for await (const batch of streamResponseCells(database.db, wave, 1)) {
			expect(batch).toHaveLength(1);
			seen.push(String(batch[0]?.[0]));
		}
		expect(seen).toHaveLength(4);
		expect(new Set(seen).size).toBe(4);
	});

	it('records every export in the audit log', async () => {
		await exportResponsesCsv(database.db, { slug: 'export', actor: 'revisor@example.org' });
		const [entry] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(entry).toMatchObject({
			actor: 'revisor@example.org',
			action: 'export.responses',
			subject: 'export',
			details: { format: 'csv' }
		});
	});

	it('refuses an unknown wave', async () => {
		await expect(exportResponsesCsv(database.db, { slug: 'finns-inte', actor: 'cli' })).rejects.toThrow(
			'No wave with the slug "finns-inte"'
		);
	});
});

describe('exportResponsesXlsx', () => {
	it('writes a values sheet, a labels sheet and the codebook', async () => {
		const file = await exportResponsesXlsx(database.db, { slug: 'export', actor: 'cli' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await read(file.body)) as never);
		expect(workbook.worksheets.map((w) => w.name)).toEqual(['values', 'labels', 'codebook']);
		const sheetRows = (name: string) => {
			const sheet = workbook.getWorksheet(name);
			const out: (string | number | null)[][] = [];
			sheet?.eachRow({ includeEmpty: false }, (row) => {
				out.push(names.map((_, i) => (row.getCell(i + 1).value as string | number | null) ?? null));
			});
			return out;
		};
		const values = sheetRows('values');
		expect(values[0]).toEqual(names);
		expect(values).toHaveLength(5);
		const at = (row: (string | number | null)[] | undefined, column: string) => row?.[names.indexOf(column)];
		const lulea = values.find((r) => r[0] === ids.lulea);
		expect(at(lulea, 'behov')).toBe(9);
		expect(at(lulea, 'vision')).toBe('ja');
		expect(at(lulea, 'drivande.it')).toBe(1);
		expect(at(lulea, 'drivande.politiker')).toBe(0);
		expect(at(lulea, 'behov_kommentar')).toBe(HOSTILE);
		expect(at(lulea, 'stod')).toBe(FORMULA);
		expect(at(lulea, 'drivande.annat.text')).toBe('@annat');
		expect(at(lulea, 'submitted_at')).toBe(submitted[ids.lulea]);
		const partial = values.find((r) => r[0] === ids.partial);
		expect(at(partial, 'status')).toBe('partial');
		expect(at(partial, 'vision')).toBeNull();
		// Every value reads back as the CSV does.
		const parsed = cellsToResponse(columns, lulea ?? []);
		expect(parsed.ok && parsed.rows.find((r) => r.questionCode === 'stod')?.valueText).toBe(FORMULA);

		const labels = sheetRows('labels');
		const luleaLabels = labels.find((r) => r[0] === ids.lulea);
		expect(at(luleaLabels, 'vision')).toBe('Ja');
		expect(at(luleaLabels, 'kompetens')).toBe('Vet ej');
		expect(at(luleaLabels, 'drivande.it')).toBe('IT-avdelningen');
		expect(at(luleaLabels, 'drivande.politiker')).toBeNull();
		expect(at(luleaLabels, 'behov')).toBe(9);

		const codebook = workbook.getWorksheet('codebook');
		expect(codebook?.getRow(1).getCell(1).value).toBe('column');
		expect(codebook?.rowCount).toBe(names.length + 1);
	});

	it('stores formula-like text as a plain string cell with exactly that text, no apostrophe', async () => {
		const bytes = await read((await exportResponsesXlsx(database.db, { slug: 'export', actor: 'cli' })).body);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as never);
		const sheet = workbook.getWorksheet('values');
		const row = sheet?.getRows(1, 5)?.find((r) => r.getCell(1).value === ids.lulea);
		const cell = row?.getCell(names.indexOf('stod') + 1);
		expect(cell?.type).toBe(ExcelJS.ValueType.String);
		expect(cell?.value).toBe(FORMULA);
		expect(cell?.formula).toBeUndefined();
		// In the file itself: a string cell (t="str", the streaming writer's inline form) whose value is the
		// text, and no <f> formula element anywhere.
		const xml = Buffer.from(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml'] ?? []).toString();
		expect(xml).toMatch(
			/<c r="[A-Z]+\d+" t="str"><v>=HYPERLINK\(&quot;http:\/\/evil\.example&quot;,&quot;klicka&quot;\)<\/v><\/c>/
		);
		expect(xml).not.toContain('<f>');
	});
});

describe('exportResponsesSpss', () => {
	it('zips the data file, its syntax and the codebook; choices as numbers, text on one line', async () => {
		const parts = await exportResponsesSpss(database.db, { slug: 'export', actor: 'cli' });
		const files = unzipSync(new Uint8Array(await read(zipSpssExport(parts, 'export').body)));
		expect(Object.keys(files).sort()).toEqual(['export-kodbok.csv', 'export-svar.csv', 'export-svar.sps']);
		const syntax = Buffer.from(files['export-svar.sps'] ?? []).toString();
		expect(syntax).toContain("/FILE='export-svar.csv'");
		// As wide as the longest value: "'@annat" (7 bytes, with the apostrophe the data file writes).
		expect(syntax).toContain('    drivande_annat_text A7');
		expect(syntax).toContain("  behov 1 'Mycket litet' 10 'Mycket stort'");
		expect(syntax).not.toContain('SET UNICODE');
		expect(syntax).toContain("  /vision 1 'Ja' 2 'Nej' 3 'Vet ej'");
		const data: string[][] = parse(Buffer.from(files['export-svar.csv'] ?? []), { delimiter: ',' });
		expect(data[0]?.[names.indexOf('drivande.annat.text')]).toBe('drivande_annat_text');
		const lulea = data.find((r) => r[0] === ids.lulea);
		expect(lulea?.[names.indexOf('vision')]).toBe('1');
		expect(lulea?.[names.indexOf('kompetens')]).toBe('3');
		expect(lulea?.[names.indexOf('behov_kommentar')]).toBe(HOSTILE.replace('\n', ' '));
		expect(lulea?.[names.indexOf('stod')]).toBe(`'${FORMULA}`);
		expect(data).toHaveLength(5);
	});
});

describe('exportCodebook', () => {
	it('describes every column with codes, labels, type and condition, as JSON, CSV and XLSX', async () => {
		const json = JSON.parse(
			Buffer.from((await exportCodebook(database.db, { slug: 'export', format: 'json' })).body).toString()
		);
		expect(json.questionnaire).toEqual({ code: 'digital-mognad-i-kommuner', version: 3 });
		const entry = (column: string) => json.columns.find((c: { column: string }) => c.column === column);
		expect(entry('beslutskapacitet_varfor')).toMatchObject({
			spssName: 'beslutskapacitet_varfor',
			type: 'text',
			section: 'vision',
			condition: 'beslutskapacitet in (nej, vet_ej)'
		});
		expect(entry('vision')).toMatchObject({
			type: 'single',
			dimension: 'strategi',
			values: [
				{ code: 'ja', spss: 1, label: 'Ja' },
				{ code: 'nej', spss: 2, label: 'Nej' },
				{ code: 'vet_ej', spss: 3, label: 'Vet ej' }
			]
		});
		expect(entry('behov')).toMatchObject({ type: 'scale', min: 1, max: 10 });
		const csv = Buffer.from((await exportCodebook(database.db, { slug: 'export', format: 'csv' })).body);
		const rows: string[][] = parse(csv, { bom: true, delimiter: ';' });
		expect(rows).toHaveLength(names.length + 1);
		expect(rows.find((r) => r[0] === 'vision')?.[6]).toBe('ja=Ja | nej=Nej | vet_ej=Vet ej');
		const xlsx = await exportCodebook(database.db, { slug: 'export', format: 'xlsx' });
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(xlsx.body) as never);
		expect(workbook.getWorksheet('codebook')?.rowCount).toBe(names.length + 1);
	});
});

// The seeded ids are stable for the whole file; checked once so a mistake in the seeding shows first.
it('seeds three responses and the named one in the export wave', async () => {
	const rows = await database.db.select().from(responses).where(eq(responses.status, 'partial'));
	expect(rows.map((r) => r.id)).toEqual([ids.partial]);
});
