import { describe, expect, it } from 'vitest';
import { freeText, multi, option, questionnaireFrom, scale, yesNo } from '../testing/questionnaires.ts';
import { buildCodebook, flagLabels } from './codebook.ts';
import { responseColumns } from './response-columns.ts';
import { spssDataCell, spssNames, spssSafeName, spssString, spssSyntax, spssVariables } from './spss.ts';

const small = questionnaireFrom({
	code: 'liten',
	version: 1,
	title: { sv: 'Liten enkät' },
	sections: [
		{
			code: 'a',
			title: { sv: 'A' },
			questions: [
				yesNo('fraga', { text: { sv: "Har ni en 'vision'?" } }),
				scale('betyg', {
					min: -2,
					max: 2,
					minLabel: { sv: 'Inte alls' },
					maxLabel: { sv: 'I mycket hög grad' }
				}),
				multi('kanaler', {
					options: [
						option('webb', { label: { sv: 'Webb' } }),
						option('annat', { other: true, label: { sv: 'Annat' } })
					]
				})
			]
		},
		{
			code: 'b',
			title: { sv: 'B' },
			questions: [freeText('with', { showIf: { question: 'fraga', in: ['ja'] } })]
		}
	]
});
const columns = responseColumns(small);

describe('spssSafeName', () => {
	it.each([
		['drivande.annat.text', 'drivande_annat_text'],
		['response_id', 'response_id'],
		['fråga_1', 'fraga_1'],
		['1a', 'v_1a'],
		['with', 'with_v'],
		['x_', 'x'],
		['a'.repeat(80), 'a'.repeat(64)]
	])('%s → %s', (column, name) => {
		expect(spssSafeName(column)).toBe(name);
	});

	it('makes names unique ignoring case, keeping them within 64 bytes', () => {
		const long = 'b'.repeat(70);
		const names = spssNames([
			{ kind: 'text', name: 'a.b', question: 'a', maxLength: 10 },
			{ kind: 'text', name: 'a_b', question: 'a_b', maxLength: 10 },
			{ kind: 'text', name: `${long}1`, question: 'x', maxLength: 10 },
			{ kind: 'text', name: `${long}2`, question: 'y', maxLength: 10 }
		]);
		expect(names).toEqual(['a_b', 'a_b_2', 'b'.repeat(64), `${'b'.repeat(62)}_2`]);
	});
});

describe('spssString', () => {
	it('doubles apostrophes, puts line breaks on one line and keeps within the byte limit', () => {
		expect(spssString("Har ni en 'vision'?")).toBe("'Har ni en ''vision''?'");
		expect(spssString('rad 1\r\nrad 2\nrad 3')).toBe("'rad 1 rad 2 rad 3'");
		expect(spssString('åååå', 5)).toBe("'åå'");
	});
});

describe('spssDataCell', () => {
	it('turns option codes into their numbers and text onto one line, keeping formula protection', () => {
		const [fraga] = columns.filter((c) => c.name === 'fraga');
		const [text] = columns.filter((c) => c.name === 'with');
		if (!fraga || !text) throw new Error('columns missing');
		expect(spssDataCell(fraga, 'nej')).toBe(2);
		expect(spssDataCell(fraga, null)).toBeNull();
		expect(spssDataCell(text, 'rad 1\nrad 2 "citat"')).toBe('rad 1 rad 2 "citat"');
		expect(spssDataCell(text, "'=1+1")).toBe("'=1+1");
	});
});

describe('spssSyntax', () => {
	it('reads the data file with types, labels every variable and value, and sets measurement levels', () => {
		// Text variables as wide as their longest value (bytes), at least 1 and at most 32 767.
		const widths = new Map([
			['response_id', 36],
			['organisation', 7],
			['kanaler.annat.text', 40000],
			['with', 0]
		]);
		const variables = spssVariables(columns, flagLabels(), widths);
		const labels = new Map(buildCodebook(small, columns).map((e) => [e.column, e.label]));
		expect(
			spssSyntax({ dataFile: "min 'fil'.csv", title: 'Liten enkät', variables, variableLabels: labels })
		).toBe(
			[
				'* Encoding: UTF-8.',
				'* Liten enkät.',
				'* Run this file from the folder that holds the data file (or give the full path after /FILE).',
				'* The data file is UTF-8: SPSS reads it so in Unicode mode (its default since version 21), PSPP always.',
				'GET DATA',
				'  /TYPE=TXT',
				"  /FILE='min ''fil''.csv'",
				"  /ENCODING='UTF8'",
				'  /ARRANGEMENT=DELIMITED',
				'  /DELCASE=LINE',
				'  /FIRSTCASE=2',
				'  /DELIMITERS=","',
				`  /QUALIFIER='"'`,
				'  /VARIABLES=',
				'    response_id A36',
				'    organisation_code A1',
				'    organisation A7',
				'    role A1',
				'    role_group A1',
				'    status A8',
				'    submitted_at A20',
				'    fraga F1.0',
				'    betyg F2.0',
				'    kanaler_webb F1.0',
				'    kanaler_annat F1.0',
				'    kanaler_annat_text A32767',
				'    with_v A1',
				'.',
				'CACHE.',
				'EXECUTE.',
				'',
				'VARIABLE LABELS',
				"  response_id 'Svarets id'",
				"  /organisation_code 'Organisationens kod'",
				"  /organisation 'Organisation'",
				"  /role 'Roll (befattning)'",
				"  /role_group 'Rollgrupp'",
				"  /status 'Status: complete (inskickat) eller partial (påbörjat)'",
				"  /submitted_at 'Inskickat (UTC)'",
				"  /fraga 'Har ni en ''vision''?'",
				"  /betyg 'Fråga betyg?'",
				"  /kanaler_webb 'Fråga kanaler?: Webb'",
				"  /kanaler_annat 'Fråga kanaler?: Annat'",
				"  /kanaler_annat_text 'Fråga kanaler?: Annat (text)'",
				"  /with_v 'Fråga with?'.",
				'',
				'VALUE LABELS',
				"  fraga 1 'ja' 2 'nej'",
				"  /betyg -2 'Inte alls' 2 'I mycket hög grad'",
				"  /kanaler_webb 0 'Ej vald' 1 'Vald'",
				"  /kanaler_annat 0 'Ej vald' 1 'Vald'.",
				'',
				'VARIABLE LEVEL response_id organisation_code organisation role role_group status submitted_at fraga kanaler_webb kanaler_annat kanaler_annat_text with_v (NOMINAL).',
				'',
				'VARIABLE LEVEL betyg (SCALE).',
				'',
				'EXECUTE.',
				''
			].join('\r\n')
		);
	});
});

describe('buildCodebook', () => {
	it('gives each column its SPSS name, question, type, values, bounds and condition', () => {
		const entries = buildCodebook(small, columns);
		expect(entries.find((e) => e.column === 'with')).toMatchObject({
			spssName: 'with_v',
			section: 'b',
			question: 'with',
			type: 'text',
			condition: 'fraga in (ja)',
			maxLength: 5000
		});
		expect(entries.find((e) => e.column === 'betyg')).toMatchObject({ type: 'scale', min: -2, max: 2 });
		expect(entries.find((e) => e.column === 'kanaler.annat.text')).toMatchObject({
			kind: 'other_text',
			type: 'multi',
			label: 'Fråga kanaler?: Annat (text)',
			maxLength: 500
		});
	});
});
