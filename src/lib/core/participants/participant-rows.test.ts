import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../spreadsheet/read-csv-table.ts';
import { describeRowProblem } from '../spreadsheet/row-problem.ts';
import { readParticipantRows } from './participant-rows.ts';

function read(text: string) {
	const table = readCsvTable(new TextEncoder().encode(text));
	if (!table.ok) throw new Error(table.problem);
	return readParticipantRows(table.table);
}

/** The problems as the CLI prints them. */
function problems(text: string) {
	const result = read(text);
	if (!result.ok) throw new Error(result.problem);
	return result.problems.map(describeRowProblem);
}

describe('readParticipantRows', () => {
	it('reads Swedish headers in any case and order, ignoring other columns and blank rows', () => {
		const result = read(
			'\uFEFFKommun;Befattning;E-post;NAMN;Telefon\r\n2580;IT-chef;Anna@Lulea.se;Anna Berg;070\r\n;;;;\r\nKalix;  Kommunchef ;b@kalix.se; Bo  Ek ;\r\n'
		);
		expect(result).toEqual({
			ok: true,
			problems: [],
			rows: [
				{ line: 2, name: 'Anna Berg', email: 'Anna@Lulea.se', title: 'IT-chef', organisation: '2580' },
				{ line: 4, name: 'Bo  Ek', email: 'b@kalix.se', title: 'Kommunchef', organisation: 'Kalix' }
			]
		});
	});

	it('accepts the English header with commas, and epost/titel/organisation synonyms', () => {
		expect(read('name,email,title,organisation\nA,a@x.se,,2580').ok).toBe(true);
		expect(read('namn;epost;titel;organisation\nA;a@x.se;;2580').ok).toBe(true);
	});

	it('names every missing column', () => {
		expect(read('namn;telefon\nA;070')).toEqual({
			ok: false,
			problem:
				'The header row lacks the columns "email", "title", "organisation". The first row must name the columns: name/namn/fullständigt namn/för- och efternamn, email/e-mail/e-post/epost/e-postadress/epostadress/mail/mejl, title/titel/befattning/yrkestitel/roll/role, organisation/organization/kommun/organisationskod/kommunkod'
		});
	});

	it('refuses a column given twice', () => {
		expect(read('namn,name,email,title,organisation\nA,B,a@x.se,,1')).toEqual({
			ok: false,
			problem: 'The columns "namn" and "name" both give the name; keep one'
		});
	});

	it('refuses a header with no rows below it', () => {
		expect(read('name;email;title;organisation\r\n')).toEqual({
			ok: false,
			problem: 'The file has a header row but no participants below it'
		});
	});

	it('reports every bad row with its spreadsheet line and reason, all at once', () => {
		expect(
			problems(
				[
					'name;email;title;organisation',
					'Anna;anna@x.se;IT-chef;2580',
					';bo@x.se;IT-chef;2580',
					'Cia;inte-en-adress;;2580',
					'Dan;;;2580',
					'Eva;eva@x.se;;',
					'Anna igen;ANNA@x.se;;2580'
				].join('\n')
			)
		).toEqual([
			'Line 3, column "name": the name is missing',
			'Line 4, column "email": "inte-en-adress" is not a valid e-mail address',
			'Line 5, column "email": the e-mail address is missing',
			'Line 6, column "organisation": the organisation is missing',
			'Line 7, column "email": "ANNA@x.se" is already on line 2'
		]);
	});

	it('refuses cells a spreadsheet would run as formulas, naming the cell', () => {
		expect(
			problems(
				[
					'namn;e-post;titel;kommun',
					'=HYPERLINK("http://evil","klicka");a@x.se;;2580',
					'Bo;b@x.se;+46 70;2580',
					'Cia;c@x.se;-1+1;2580',
					'Dan;d@x.se;@SUM(A1);2580',
					'Eva;e@x.se;"\t=1";2580',
					'Fia;f@x.se;" =1+2";2580',
					'Gun;g@x.se;"\r=1";2580'
				].join('\n')
			)
		).toEqual([
			'Line 2, column "namn": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character',
			...[3, 4, 5, 6, 7, 8].map(
				(line) =>
					`Line ${line}, column "titel": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character`
			)
		]);
	});

	it('refuses control characters and over-long cells', () => {
		expect(
			problems(
				[
					'name,email,title,organisation',
					`A\u0007,a@x.se,,2580`,
					`B,b@x.se,IT\u202Echef,2580`,
					`${'x'.repeat(201)},c@x.se,,2580`,
					`D,${'d'.repeat(250)}@x.se,,2580`
				].join('\n')
			)
		).toEqual([
			'Line 2, column "name": contains control characters; retype the cell',
			'Line 3, column "title": contains control characters; retype the cell',
			'Line 4, column "name": longer than 200 characters',
			'Line 5, column "email": longer than 254 characters'
		]);
	});

	it('counts a quoted multi-line cell as one row, and folds its line break into a space', () => {
		const text = [
			'name,email,title,organisation',
			'Anna,a@x.se,"Chef\r\nDigital utveckling",2580',
			'"Bo\nEk",b@x.se,"IT-\n\nchef",2580',
			'Cia,fel,,2580'
		].join('\r\n');
		const result = read(text);
		expect(result.ok && result.rows.map((r) => [r.line, r.name, r.title])).toEqual([
			[2, 'Anna', 'Chef Digital utveckling'],
			[3, 'Bo Ek', 'IT- chef']
		]);
		expect(problems(text)).toEqual(['Line 4, column "email": "fel" is not a valid e-mail address']);
	});
});
