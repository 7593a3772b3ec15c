import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRowProblem } from '../../core/spreadsheet/row-problem.ts';
import type { TDatabase } from '../db/client.ts';
import { auditLog, organisations, participants, titleMappings } from '../db/schema.ts';
import { resolveRespondent } from '../responses/resolve-respondent.ts';
import { dataSize, rowCount } from '../testing/large-tests.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { addParticipant } from './add-participant.ts';
import { importParticipants } from './import-participants.ts';

// A file over the 20 000-row limit: 100 000 rows with MOGNAD_LARGE_TESTS=1, otherwise just over it.
const OVER_LIMIT = dataSize(20_001, 100_000);

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));

beforeAll(async () => {
	database = await createTestDatabase();
	await createWave(database.db, { questionnaireCode: Q, name: 'Chefer', slug: 'chefer' });
	// A unit outside the region that runs the wave: never a match.
	await database.db.insert(organisations).values({ code: '0180', name: 'Stockholm', kind: 'municipality' });
});
afterAll(async () => database.close());

const countIn = async (slug: string) => {
	const [row] = await database.db
		.execute<{ n: number }>(
			sql`select count(*)::int as n from participants p join waves w on w.id = p.wave_id where w.slug = ${slug}`
		)
		.then((r) => (r as unknown as { rows: { n: number }[] }).rows);
	return row?.n ?? 0;
};

async function importFile(slug: string, bytes: Uint8Array, fileName = 'lista.csv') {
	return importParticipants(database.db, { waveSlug: slug, bytes, fileName, actor: 'analytiker@region.se' });
}

describe('importParticipants', () => {
	it('imports a Swedish Excel list with organisations by code or name and role groups from titles', async () => {
		const result = await importFile(
			'chefer',
			csv(
				'\uFEFFNamn;E-post;Befattning;Kommun',
				'Anna Berg;anna@lulea.se;IT-chef;2580',
				'Bo Ek;bo@kalix.se;Kommunchef;kalix',
				'Cia Dahl;cia@pitea.se;Trafikingenjör;Piteå',
				'Dan Frid;dan@boden.se;Fritidsledare;2582'
			)
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.imported).toBe(4);
		expect(result.participants.map((p) => [p.name, p.email])).toEqual([
			['Anna Berg', 'anna@lulea.se'],
			['Bo Ek', 'bo@kalix.se'],
			['Cia Dahl', 'cia@pitea.se'],
			['Dan Frid', 'dan@boden.se']
		]);
		const stored = await database.db
			.select({
				name: participants.name,
				title: participants.title,
				roleGroup: participants.roleGroup,
				org: organisations.code,
				tokenHash: participants.tokenHash
			})
			.from(participants)
			.innerJoin(organisations, eq(organisations.id, participants.organisationId))
			.orderBy(participants.name);
		expect(stored.map((p) => [p.name, p.title, p.roleGroup, p.org])).toEqual([
			['Anna Berg', 'IT-chef', 'it', '2580'],
			['Bo Ek', 'Kommunchef', 'politisk_ledning', '2514'],
			['Cia Dahl', 'Trafikingenjör', 'verksamhet', '2581'],
			// No keyword matches: the analyst decides (title mappings), not a silent default.
			['Dan Frid', 'Fritidsledare', null, '2582']
		]);
		// Each printed link works, and only its hash is stored.
		const anna = result.participants[0];
		expect((await resolveRespondent(database.db, anna?.token ?? ''))?.participant?.title).toBe('IT-chef');
		expect(stored.some((p) => p.tokenHash === anna?.token)).toBe(false);
		const [audit] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'participants.import'));
		expect(audit).toMatchObject({
			actor: 'analytiker@region.se',
			subject: 'wave:chefer',
			details: { imported: 4, file: 'lista.csv' }
		});
	});

	it('changes nothing when the same file is imported again, reporting every duplicate', async () => {
		const result = await importFile(
			'chefer',
			csv(
				'name,email,title,organisation',
				'Anna Berg,ANNA@lulea.se,IT-chef,2580',
				'Ny Person,ny@lulea.se,,2580'
			)
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems.map(describeRowProblem)).toEqual([
			'Line 2: "ANNA@lulea.se" is already a participant in this wave'
		]);
		expect(await countIn('chefer')).toBe(4);
	});

	it('is all or nothing: unknown organisations by code and by name, outside the region, and bad rows', async () => {
		await createWave(database.db, { questionnaireCode: Q, name: 'Andra', slug: 'andra' });
		const result = await importFile(
			'andra',
			csv(
				'name;email;title;organisation',
				'Ok Person;ok@lulea.se;IT-chef;2580',
				'Fel Kod;kod@x.se;;9999',
				'Fel Namn;namn@x.se;;Lulea kommun',
				'Annan Region;sthlm@x.se;;0180',
				'Trasig;inte-en-adress;;2580',
				'Formel;formel@x.se;=1+1;2580'
			)
		);
		expect(!result.ok && result.problems.map(describeRowProblem)).toEqual([
			'Line 3: no organisation with the code or name "9999" here',
			'Line 4: no organisation with the code or name "Lulea kommun" here',
			'Line 5: no organisation with the code or name "0180" here',
			'Line 6, column "email": "inte-en-adress" is not a valid e-mail address',
			'Line 7, column "title": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character'
		]);
		expect(await countIn('andra')).toBe(0);
		expect(await database.db.select().from(auditLog).where(eq(auditLog.subject, 'wave:andra'))).toHaveLength(
			0
		);
	});

	it("applies the analyst's title mapping before the questionnaire's keywords", async () => {
		await database.db.insert(titleMappings).values([
			{ title: 'fritidsledare', roleGroup: 'verksamhet' },
			{ title: 'it-chef', roleGroup: 'digital_utveckling' }
		]);
		const result = await importFile(
			'andra',
			csv(
				'name,email,title,organisation',
				'A,a@x.se,  FRITIDSLEDARE ,2580',
				'B,b@x.se,IT-chef,2580',
				'C,c@x.se,IT-chef Norr,2580'
			)
		);
		expect(result.ok).toBe(true);
		const groups = await database.db
			.select({ title: participants.title, roleGroup: participants.roleGroup })
			.from(participants)
			.where(sql`${participants.email} in ('a@x.se', 'b@x.se', 'c@x.se')`)
			.orderBy(participants.email);
		expect(groups).toEqual([
			{ title: 'FRITIDSLEDARE', roleGroup: 'verksamhet' },
			{ title: 'IT-chef', roleGroup: 'digital_utveckling' },
			// Mappings match the exact title; other titles still go by keywords.
			{ title: 'IT-chef Norr', roleGroup: 'it' }
		]);
		await database.db.delete(titleMappings);
	});

	it('reads the first sheet of an XLSX workbook, refusing formula cells by line', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Deltagare');
		workbook.addWorksheet('Annat').addRow(['ignored']);
		sheet.addRow(['Namn', 'E-post', 'Titel', 'Organisation']);
		sheet.addRow([
			'Eva Lind',
			{ text: 'eva@kiruna.se', hyperlink: 'mailto:eva@kiruna.se' },
			'IT-strateg',
			2584
		]);
		sheet.addRow(['Fia Holm', 'fia@kiruna.se', { formula: 'HYPERLINK("http://x","y")', result: 'y' }, 2584]);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const refused = await importFile('andra', bytes, 'lista.xlsx');
		expect(!refused.ok && refused.problems.map(describeRowProblem)).toEqual([
			'Line 3, column "Titel": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character'
		]);
		sheet.spliceRows(3, 1);
		const accepted = await importFile(
			'andra',
			new Uint8Array(await workbook.xlsx.writeBuffer()),
			'lista.xlsx'
		);
		expect(accepted).toMatchObject({
			ok: true,
			imported: 1,
			participants: [{ name: 'Eva Lind', email: 'eva@kiruna.se' }]
		});
	});

	it(`refuses unreadable files as a whole: wrong encoding, missing columns, old Excel, ${rowCount(OVER_LIMIT)} rows`, async () => {
		const before = await countIn('andra');
		const latin1 = Uint8Array.from([...csv('namn;e-post;titel;kommun', 'Åsa;a@x.se;;Lule'), 0xe5]);
		latin1[csv('namn;e-post;titel;kommun', '').length] = 0xc5;
		await expect(importFile('andra', latin1)).rejects.toThrow(/not UTF-8.*CSV UTF-8/);
		await expect(importFile('andra', csv('namn;e-post', 'A;a@x.se'))).rejects.toThrow(
			/lacks the columns "title", "organisation"/
		);
		await expect(
			importFile('andra', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'gammal.xls')
		).rejects.toThrow(/old Excel format/);
		await expect(importFile('andra', csv('name'), 'lista.xlsx')).rejects.toThrow(
			'The file is not a valid XLSX workbook'
		);
		const rows = ['name,email,title,organisation'];
		for (let i = 0; i < OVER_LIMIT; i++) rows.push(`Person ${i},person${i}@example.se,IT-chef,2580`);
		await expect(importFile('andra', csv(...rows))).rejects.toThrow(
			'The file has more than 20,000 rows; split it into files of at most 20,000 rows'
		);
		expect(await countIn('andra')).toBe(before);
	});

	it('refuses an unknown or closed wave', async () => {
		await expect(importFile('finns-inte', csv('a'))).rejects.toThrow('No wave with the slug "finns-inte"');
		await createWave(database.db, { questionnaireCode: Q, name: 'Stängd', slug: 'stangd' });
		await setWaveStatus(database.db, 'stangd', 'closed');
		await expect(importFile('stangd', csv('a'))).rejects.toMatchObject({ code: 'WAVE_CLOSED' });
	});
});

describe('addParticipant', () => {
	it('finds the organisation by code or name, sets the role group, and refuses a second address', async () => {
		await addParticipant(database.db, {
			waveSlug: 'andra',
			organisationCode: 'Haparanda',
			email: 'Gun@Haparanda.se',
			title: 'Kommundirektör'
		});
		const [row] = await database.db
			.select({ roleGroup: participants.roleGroup, org: organisations.code })
			.from(participants)
			.innerJoin(organisations, eq(organisations.id, participants.organisationId))
			.where(eq(participants.email, 'Gun@Haparanda.se'));
		expect(row).toEqual({ roleGroup: 'politisk_ledning', org: '2583' });
		await expect(
			addParticipant(database.db, { waveSlug: 'andra', organisationCode: '2583', email: 'gun@haparanda.se' })
		).rejects.toThrow('gun@haparanda.se is already a participant in this wave');
		await expect(
			addParticipant(database.db, { waveSlug: 'andra', organisationCode: '0180' })
		).rejects.toThrow('No organisation with the code or name "0180" in this wave');
	});
});
