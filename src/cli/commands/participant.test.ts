import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRespondent } from '../../lib/server/responses/resolve-respondent.ts';
import { dataSize, rowCount } from '../../lib/server/testing/large-tests.ts';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad participants import` as a user runs it, in this process on the file's own database.
// A file over the 20 000-row limit: 100 000 rows with MOGNAD_LARGE_TESTS=1, otherwise just over it.
const OVER_LIMIT = dataSize(20_001, 100_000);
let cli: TInProcessCli;

beforeAll(async () => {
	cli = await startInProcessCli({ ORIGIN: 'https://enkat.example.se' });
	expect((await mognad('migrate')).code).toBe(0);
	const created = await mognad(
		'wave',
		'create',
		'--questionnaire',
		'digital-mognad-i-kommuner',
		'--name',
		'Chefer 2024'
	);
	expect(created.code, created.err).toBe(0);
});
afterAll(async () => cli.close());

const mognad = (...args: string[]) => cli.run(args);

const invited = async () => JSON.parse((await mognad('wave', 'show', 'chefer-2024', '--json')).out).invited;

describe('mognad participants import', () => {
	it('refuses a hostile file, printing every bad row on its own line, and imports nothing', async () => {
		writeFileSync(
			path.join(cli.dir, 'fientlig.csv'),
			[
				'namn;e-post;befattning;kommun',
				"=cmd|' /C calc'!A0;a@x.se;IT-chef;2580",
				'Bo;b@x.se;"@SUM(1+1)*cmd|\' /C calc\'!A0";2580',
				'"Cia\nDahl";c@x.se;"IT-chef\u0007";2580',
				'Dan;fia@x.se;;2580',
				'Eva;eva@x.se;;Ingenstans',
				'Fia;fia@x.se;;2580'
			].join('\r\n')
		);
		const result = await mognad('participants', 'import', '--wave', 'chefer-2024', 'fientlig.csv');
		expect(result.code).toBe(1);
		expect(result.out).toBe('');
		expect(result.err.split('\n').filter(Boolean)).toEqual([
			'Line 2, column "namn": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character',
			'Line 3, column "befattning": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character',
			'Line 4, column "befattning": contains control characters; retype the cell',
			'Line 6: no organisation with the code or name "Ingenstans" here',
			'Line 7, column "e-post": "fia@x.se" is already on line 5',
			'mognad: nothing was imported: 5 rows have problems'
		]);
		expect(await invited()).toBe(0);
	});

	it(`refuses a Windows-1252 file and a file of ${rowCount(OVER_LIMIT)} rows with one clear line`, async () => {
		writeFileSync(
			path.join(cli.dir, 'ansi.csv'),
			Buffer.concat([Buffer.from('namn;e-post;titel;kommun\r\nAnna;a@x.se;;Lule'), Buffer.from([0xe5])])
		);
		const ansi = await mognad('participants', 'import', '--wave', 'chefer-2024', 'ansi.csv');
		expect(ansi.code).toBe(1);
		expect(ansi.err).toMatch(/^mognad: The file is not UTF-8 text .*"CSV UTF-8/);
		const rows = ['name,email,title,organisation'];
		for (let i = 0; i < OVER_LIMIT; i++) rows.push(`Person ${i},person${i}@example.se,IT-chef,2580`);
		writeFileSync(path.join(cli.dir, 'stor.csv'), rows.join('\n'));
		const big = await mognad('participants', 'import', '--wave', 'chefer-2024', 'stor.csv');
		expect(big.code).toBe(1);
		expect(big.err.trim()).toBe(
			'mognad: The file has more than 20,000 rows; split it into files of at most 20,000 rows'
		);
		expect(await invited()).toBe(0);
	});

	it("imports a list and prints each person's working link with --print-links", async () => {
		writeFileSync(
			path.join(cli.dir, 'lista.csv'),
			'\uFEFFNamn;E-post;Befattning;Kommun\r\nAnna Berg;anna@lulea.se;IT-chef;2580\r\nBo Ek;bo@kalix.se;Kommunchef;Kalix\r\n'
		);
		const result = await mognad(
			'participants',
			'import',
			'--wave',
			'chefer-2024',
			'lista.csv',
			'--print-links'
		);
		expect(result.code, result.err).toBe(0);
		const lines = result.out.trim().split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(
			/^Anna Berg <anna@lulea\.se>: https:\/\/enkat\.example\.se\/s\/[A-Za-z0-9_-]{43}$/
		);
		expect(lines[1]).toMatch(/^Bo Ek <bo@kalix\.se>: https:\/\/enkat\.example\.se\/s\/[A-Za-z0-9_-]{43}$/);
		expect(result.err.trim()).toBe('Imported 2 participants into chefer-2024');
		const token = lines[1]?.split('/s/')[1] ?? '';
		const respondent = await resolveRespondent(cli.database.db, token);
		expect(respondent?.participant?.title).toBe('Kommunchef');
	});

	it('reports duplicates when the same file is imported again, and changes nothing', async () => {
		const again = await mognad('participants', 'import', '--wave', 'chefer-2024', 'lista.csv');
		expect(again.code).toBe(1);
		expect(again.err.split('\n').filter(Boolean)).toEqual([
			'Line 2: "anna@lulea.se" is already a participant in this wave',
			'Line 3: "bo@kalix.se" is already a participant in this wave',
			'mognad: nothing was imported: 2 rows have problems'
		]);
		expect(await invited()).toBe(2);
	});

	it('prints the count without --print-links, and refuses a missing file or wave', async () => {
		writeFileSync(path.join(cli.dir, 'en.csv'), 'name,email,title,organisation\nCia,cia@x.se,,2581\n');
		const one = await mognad('participants', 'import', '--wave', 'chefer-2024', 'en.csv');
		expect(one).toMatchObject({ code: 0, out: 'Imported 1 participant into chefer-2024\n' });
		expect((await mognad('participants', 'import', '--wave', 'chefer-2024', 'saknas.csv')).err.trim()).toBe(
			'mognad: Cannot read the file saknas.csv'
		);
		expect((await mognad('participants', 'import', '--wave', 'finns-inte', 'en.csv')).err.trim()).toBe(
			'mognad: No wave with the slug "finns-inte"'
		);
		expect((await mognad('participants', 'import', 'en.csv')).code).toBe(1);
		expect((await mognad('participants', '--help')).out).toContain(
			'mognad participants import --wave <slug> <file>'
		);
	});
});
