import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeImportProblem } from '../../core/exchange/import-problem.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDatabase } from '../db/client.ts';
import { auditLog, responses, waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { csvBytes, responseFileRows, type TFileResponse, xlsxBytes } from '../testing/response-file.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { importResponses } from './import-responses.ts';

let database: TDatabase;
let questionnaire: TQuestionnaire;
let dir: string;
const Q = 'digital-mognad-i-kommuner';

beforeAll(async () => {
	database = await createTestDatabase();
	for (const slug of ['ar-2020', 'omgang', 'xlsx', 'annat-verktyg', 'fel', 'trasig']) {
		await createWave(database.db, { questionnaireCode: Q, name: slug, slug, minGroupSize: 1 });
	}
	const [wave] = await database.db.select().from(waves).where(eq(waves.slug, 'ar-2020'));
	questionnaire = await getQuestionnaireVersion(database.db, wave?.questionnaireVersionId ?? '');
	dir = await mkdtemp(path.join(tmpdir(), 'mognad-import-'));
});
afterAll(async () => {
	await database.close();
	await rm(dir, { recursive: true, force: true });
});

const yes = (option: string) => ({ kind: 'single' as const, option });
const scale = (value: number) => ({ kind: 'scale' as const, value });
const text = (value: string) => ({ kind: 'text' as const, value });

// Four complete responses and one partial; the figures below are worked out from this table.
//  id  unit           behov  ledning_delar  drivande
//  a1  2580 Luleå       8    ja             it, ledning
//  a2  2581 Piteå       6    nej            annat ("Skolan")
//  a3  2581 Piteå      10    ja             it
//  a4  Boden (name)     4    vet_ej         politiker, it
//  a5  2582 Boden       9    ja             (partial)
const good: TFileResponse[] = [
	{
		responseId: 'a1',
		organisationCode: '2580',
		organisation: 'Luleå',
		role: 'IT-chef',
		roleGroup: 'it',
		submittedAt: new Date('2020-05-04T10:00:00Z'),
		answers: {
			behov: scale(8),
			ledning_delar: yes('ja'),
			vision: yes('ja'),
			it_arv: yes('ja'),
			it_arv_kommentar: text('Gamla system'),
			drivande: { kind: 'multi', options: ['it', 'ledning'] },
			kultur: yes('ja')
		}
	},
	{
		responseId: 'a2',
		organisationCode: '2581',
		organisation: 'Piteå',
		roleGroup: 'verksamhet',
		submittedAt: new Date('2020-05-05T08:30:00Z'),
		answers: {
			behov: scale(6),
			ledning_delar: yes('nej'),
			beslutskapacitet: yes('nej'),
			beslutskapacitet_varfor: text('Resurser saknas'),
			drivande: { kind: 'multi', options: ['annat'], other: 'Skolan' },
			kultur: yes('nej'),
			kultur_varfor: text('=Tradition; "gammal" vana')
		}
	},
	{
		responseId: 'a3',
		organisationCode: '2581',
		submittedAt: new Date('2020-05-06T12:00:00Z'),
		answers: { behov: scale(10), ledning_delar: yes('ja'), drivande: { kind: 'multi', options: ['it'] } }
	},
	{
		responseId: 'a4',
		organisation: 'Boden',
		answers: {
			behov: scale(4),
			ledning_delar: yes('vet_ej'),
			drivande: { kind: 'multi', options: ['it', 'politiker'] }
		}
	},
	{
		responseId: 'a5',
		organisationCode: '2582',
		status: 'partial',
		answers: { behov: scale(9), ledning_delar: yes('ja') }
	}
];

const run = (slug: string, bytes: Uint8Array, extra: { fileName?: string; dryRun?: boolean } = {}) =>
	importResponses(database.db, {
		waveSlug: slug,
		source: { bytes, fileName: extra.fileName ?? 'svar-2020.csv' },
		dryRun: extra.dryRun,
		actor: 'analytiker@region.se'
	});

const countResponses = async (slug: string) => {
	const [row] = await database.db
		.select({ n: sql<number>`count(*)::int` })
		.from(responses)
		.innerJoin(waves, eq(waves.id, responses.waveId))
		.where(eq(waves.slug, slug));
	return row?.n ?? 0;
};

const figures = async (slug: string) => {
	const results = await getWaveResults(database.db, { slug });
	const q = (code: string) => results.questions.find((x) => x.code === code);
	const counts = (code: string) =>
		Object.fromEntries((q(code)?.options ?? []).map((o) => [o.code, [o.count, o.percent]]));
	return {
		responses: results.responses,
		behov: { n: q('behov')?.n, mean: q('behov')?.mean, median: q('behov')?.median, sd: q('behov')?.sd },
		ledning: counts('ledning_delar'),
		drivande: { n: q('drivande')?.n, ...counts('drivande') },
		organisations: results.organisations.responded
	};
};

describe('importResponses', () => {
	it('imports an export-format CSV (BOM, semicolons) with the figures of its rows', async () => {
		const bytes = csvBytes(responseFileRows(questionnaire, good));
		const dry = await run('ar-2020', bytes, { dryRun: true });
		expect(dry).toEqual({ ok: true, dryRun: true, rows: 5, imported: 5, unchanged: 0 });
		expect(await countResponses('ar-2020')).toBe(0);

		expect(await run('ar-2020', bytes)).toEqual({
			ok: true,
			dryRun: false,
			rows: 5,
			imported: 5,
			unchanged: 0
		});
		const f = await figures('ar-2020');
		expect(f.responses).toEqual({ complete: 4, partial: 1 });
		// behov 8, 6, 10, 4: mean 7, median 7, SD √(20/3) = 2.58, shown 2.6.
		expect(f.behov).toEqual({ n: 4, mean: 7, median: 7, sd: 2.6 });
		expect(f.ledning).toEqual({ ja: [2, 50], nej: [1, 25], vet_ej: [1, 25] });
		expect(f.drivande).toMatchObject({
			n: 4,
			it: [3, 75],
			ledning: [1, 25],
			annat: [1, 25],
			politiker: [1, 25]
		});
		// Luleå, Piteå and Boden (by name) answered completely.
		expect(f.organisations).toBe(3);
		// Each response's maturity scores were kept with it, for the first report to read.
		const kept = await database.db.execute(sql`
			select count(*)::int as n from response_scores k join responses r on r.id = k.response_id
			where r.import_key like 'a%' and k.revision = r.answers_revision`);
		expect((kept as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(5);

		// The formula-like text came back as written, the "other" text with its option, the meta as given.
		const stored = await database.db.execute(sql`
			select r.import_key, r.role, r.role_group, r.status, r.submitted_at, o.code, a.question_code, a.option_code, a.value_text
			from responses r left join organisations o on o.id = r.organisation_id
			join answers a on a.response_id = r.id
			where r.import_key in ('a1', 'a2') and a.value_text is not null order by 1, 7`);
		expect(
			(stored as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => [
				r.import_key,
				r.code,
				r.question_code,
				r.option_code,
				r.value_text
			])
		).toEqual([
			['a1', '2580', 'it_arv_kommentar', '', 'Gamla system'],
			['a2', '2581', 'beslutskapacitet_varfor', '', 'Resurser saknas'],
			['a2', '2581', 'drivande', 'annat', 'Skolan'],
			['a2', '2581', 'kultur_varfor', '', '=Tradition; "gammal" vana']
		]);
		const [a1] = await database.db.select().from(responses).where(eq(responses.importKey, 'a1'));
		expect([a1?.role, a1?.roleGroup, a1?.status, a1?.submittedAt?.toISOString()]).toEqual([
			'IT-chef',
			'it',
			'complete',
			'2020-05-04T10:00:00.000Z'
		]);
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, 'responses.import'));
		expect(audit.map((a) => [a.actor, a.subject, a.details])).toEqual([
			['analytiker@region.se', 'wave:ar-2020', { file: 'svar-2020.csv', rows: 5, imported: 5, unchanged: 0 }]
		]);
	});

	it('changes nothing when the same file is imported again, also saved with commas and no BOM', async () => {
		const before = await figures('ar-2020');
		const again = csvBytes(responseFileRows(questionnaire, good), { delimiter: ',', bom: false });
		expect(await run('ar-2020', again)).toEqual({
			ok: true,
			dryRun: false,
			rows: 5,
			imported: 0,
			unchanged: 5
		});
		expect(await countResponses('ar-2020')).toBe(5);
		expect(await figures('ar-2020')).toEqual(before);
	});

	it('imports new rows of a file whose other rows were imported before', async () => {
		const more = [...good, { responseId: 'a6', organisationCode: '2584', answers: { behov: scale(2) } }];
		expect(await run('ar-2020', csvBytes(responseFileRows(questionnaire, more)))).toMatchObject({
			ok: true,
			imported: 1,
			unchanged: 5
		});
		expect(await countResponses('ar-2020')).toBe(6);
	});

	it('refuses a file whose ids were imported before with other answers, listing the rows', async () => {
		const changed = good.map((r) =>
			r.responseId === 'a3' ? { ...r, answers: { ...r.answers, behov: scale(1) } } : r
		);
		const result = await run('ar-2020', csvBytes(responseFileRows(questionnaire, changed)));
		expect(result).toMatchObject({
			ok: false,
			problemCount: 1,
			problems: [{ line: 4, column: 'response_id', code: 'changed', value: 'a3' }]
		});
		expect(await countResponses('ar-2020')).toBe(6);
		const [a3] = await database.db
			.execute(sql`
			select a.value_num from answers a join responses r on r.id = a.response_id
			where r.import_key = 'a3' and a.question_code = 'behov'`)
			.then((r) => (r as unknown as { rows: { value_num: number }[] }).rows);
		expect(a3?.value_num).toBe(10);
	});

	it('imports the values sheet of an XLSX file like the CSV', async () => {
		const result = await run('xlsx', await xlsxBytes(responseFileRows(questionnaire, good)), {
			fileName: 'svar.xlsx'
		});
		expect(result).toMatchObject({ ok: true, imported: 5 });
		expect(await figures('xlsx')).toEqual(await figuresOfGood());
		// A string cell is taken as it is: formula-like text is stored without any apostrophe added or removed.
		const stored = await database.db.execute(sql`
			select a.value_text from answers a join waves w on w.id = a.wave_id
			where w.slug = 'xlsx' and a.question_code = 'kultur_varfor'`);
		expect((stored as unknown as { rows: { value_text: string }[] }).rows.map((r) => r.value_text)).toEqual([
			'=Tradition; "gammal" vana'
		]);
	});

	it('reports every bad cell by line, column and reason at once, and writes nothing', async () => {
		const rows = responseFileRows(
			questionnaire,
			Array.from({ length: 14 }, (_, i) => ({
				responseId: `b${i + 1}`,
				organisationCode: '2580',
				answers: { behov: scale(5), ledning_delar: yes('ja'), it_arv: yes('ja') }
			}))
		);
		const [header = []] = rows;
		const set = (line: number, column: string, value: string) => {
			const row = rows[line - 1];
			if (row) row[header.indexOf(column)] = value;
		};
		set(3, 'ledning_delar', 'kanske');
		set(4, 'behov', '11');
		set(5, 'behov', 'sju');
		set(6, 'drivande.it', '2');
		set(7, 'it_arv', 'nej');
		set(7, 'it_arv_kommentar', 'Dolt svar');
		set(8, 'organisation_code', '9999');
		set(9, 'role_group', 'chef');
		set(10, 'status', 'klar');
		set(11, 'submitted_at', '31/5/2020');
		set(12, 'response_id', 'b1');
		set(13, 'behov_kommentar', 'Ring\u0007klockan');
		set(14, 'stod', 'x'.repeat(5001));
		set(15, 'response_id', '');
		const result = await run('fel', csvBytes(rows));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problemCount).toBe(13);
		expect(result.problems.map((p) => [p.line, p.column, p.code])).toEqual([
			[3, 'ledning_delar', 'unknown_option'],
			[4, 'behov', 'out_of_range'],
			[5, 'behov', 'not_a_whole_number'],
			[6, 'drivande.it', 'not_zero_or_one'],
			[7, 'it_arv_kommentar', 'hidden_answer'],
			[8, 'organisation_code', 'unknown_organisation'],
			[9, 'role_group', 'unknown_role_group'],
			[10, 'status', 'unknown_status'],
			[11, 'submitted_at', 'invalid_date'],
			[12, 'response_id', 'duplicate_id'],
			[13, 'behov_kommentar', 'invalid_answer'],
			[14, 'stod', 'too_long'],
			[15, 'response_id', 'missing']
		]);
		expect(result.problems.map(describeImportProblem)).toContain(
			'Line 12, column "response_id": the response id "b1" is already on line 2'
		);
		expect(
			describeImportProblem(result.problems[10] ?? { line: 0, column: '', code: 'missing', value: '' })
		).toBe(
			'Line 13, column "behov_kommentar": The text contains invalid characters. Please retype it and try again.'
		);
		expect(await countResponses('fel')).toBe(0);
		const refused = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'responses.import_refused'), eq(auditLog.subject, 'wave:fel')));
		expect(refused.map((a) => a.details)).toEqual([{ file: 'svar-2020.csv', rows: 14, problems: 13 }]);
	});

	it('refuses a file of another questionnaire, naming the columns that are not its codes', async () => {
		const rows = responseFileRows(questionnaire, good.slice(0, 1));
		const [header = []] = rows;
		header[header.indexOf('behov')] = 'behov_2019';
		header.push('nojd');
		const result = await run('fel', csvBytes(rows));
		expect(result).toMatchObject({
			ok: false,
			columns: [
				{ code: 'unknown_column', column: 'behov_2019' },
				{ code: 'unknown_column', column: 'nojd' },
				{ code: 'missing_column', column: 'behov' }
			]
		});
		expect(await countResponses('fel')).toBe(0);
	});

	it('refuses broken files with what to do', async () => {
		const latin1 = Uint8Array.from([
			...new TextEncoder().encode('response_id;organisation\na1;Lule'),
			0xe5,
			0x0a
		]);
		await expect(run('trasig', latin1)).rejects.toThrow(/not UTF-8 .*"CSV UTF-8/);
		const [header = []] = responseFileRows(questionnaire, []);
		const open = new TextEncoder().encode(`${header.join(',')}\na1,"Luleå\na2,Piteå\n`);
		await expect(run('trasig', open)).rejects.toThrow(
			'The file is not valid CSV: a quoted cell is never closed (line 2)'
		);
		await expect(run('trasig', new Uint8Array())).rejects.toThrow('The file is empty');
		await expect(
			run('trasig', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { fileName: 'svar.xls' })
		).rejects.toThrow(/old Excel format/);
		const tooMany = csvBytes(responseFileRows(questionnaire, good));
		await expect(
			importResponses(database.db, {
				waveSlug: 'trasig',
				source: { bytes: tooMany, fileName: 'svar.csv' },
				actor: 'cli',
				maxRows: 4
			})
		).rejects.toThrow('The file has more than 4 rows; split it into files of at most 4 rows');
		expect(await countResponses('trasig')).toBe(0);
	});

	it("imports another tool's export through a column mapping, from a file on disk", async () => {
		const file = path.join(dir, 'enkatverktyg.csv');
		writeFileSync(
			file,
			[
				'Id;Kommun;Behov (1-10);Delar ledningen?;Drivande: IT;Kommentar från verktyget',
				'17;Luleå;7;Ja;Vald;intern',
				'18;2581;3;Vet ej;;intern',
				'19;Piteå;9;Nej;Vald;'
			].join('\n')
		);
		const result = await importResponses(database.db, {
			waveSlug: 'annat-verktyg',
			source: { path: file },
			actor: 'cli',
			mapping: {
				columns: {
					Id: 'response_id',
					Kommun: 'organisation',
					'Behov (1-10)': 'behov',
					'Delar ledningen?': 'ledning_delar',
					'Drivande: IT': 'drivande.it',
					'Kommentar från verktyget': ''
				},
				values: {
					'Delar ledningen?': { Ja: 'ja', Nej: 'nej', 'Vet ej': 'vet_ej' },
					'Drivande: IT': { Vald: '1' }
				}
			}
		});
		expect(result).toEqual({ ok: true, dryRun: false, rows: 3, imported: 3, unchanged: 0 });
		const f = await figures('annat-verktyg');
		expect(f.responses).toEqual({ complete: 3, partial: 0 });
		expect(f.behov).toMatchObject({ n: 3, mean: 6.3, median: 7 });
		expect(f.ledning).toEqual({ ja: [1, 33.3], nej: [1, 33.3], vet_ej: [1, 33.3] });
		expect(f.drivande).toMatchObject({ n: 2, it: [2, 100] });
	});

	it('refuses a mapping to a column the questionnaire does not have', async () => {
		const result = await importResponses(database.db, {
			waveSlug: 'fel',
			source: { bytes: new TextEncoder().encode('Id;Fråga\n1;Ja\n'), fileName: 'x.csv' },
			actor: 'cli',
			mapping: { columns: { Id: 'response_id', Fråga: 'fraga_2019' } }
		});
		expect(result).toMatchObject({
			ok: false,
			columns: [{ code: 'unknown_target', column: 'Fråga', target: 'fraga_2019' }]
		});
	});
});

/** The figures of `good` (the same for every wave it is imported into). */
async function figuresOfGood() {
	return {
		responses: { complete: 4, partial: 1 },
		behov: { n: 4, mean: 7, median: 7, sd: 2.6 },
		ledning: { ja: [2, 50], nej: [1, 25], vet_ej: [1, 25] },
		drivande: expect.objectContaining({
			n: 4,
			it: [3, 75],
			ledning: [1, 25],
			annat: [1, 25],
			politiker: [1, 25]
		}),
		organisations: 3
	};
}
