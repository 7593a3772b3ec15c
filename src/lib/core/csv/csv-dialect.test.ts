import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_PLAIN, CSV_SWEDISH, csvFile, csvLines } from './csv-dialect.ts';

const header = ['label', 'percent', 'mean', 'changed'];
const rows = [
	['Ja; "helt" säkert', 47.1, -2.5, true],
	['=HYPERLINK("x")', 100, null, false]
];

describe('csvFile', () => {
	it('writes Swedish CSV: byte order mark, semicolons, decimal commas, CRLF, quotes where needed', () => {
		const text = csvFile(header, rows, CSV_SWEDISH);
		expect(text).toBe(
			[
				'\uFEFFlabel;percent;mean;changed',
				'"Ja; ""helt"" säkert";47,1;-2,5;true',
				`"'=HYPERLINK(""x"")";100;;false`,
				''
			].join('\r\n')
		);
		const back: string[][] = parse(text, { bom: true, delimiter: ';' });
		expect(back[1]).toEqual(['Ja; "helt" säkert', '47,1', '-2,5', 'true']);
	});

	it('writes plain CSV: commas, decimal points, no byte order mark', () => {
		const text = csvFile(header, rows, CSV_PLAIN);
		expect(text).toBe(
			[
				'label,percent,mean,changed',
				'"Ja; ""helt"" säkert",47.1,-2.5,true',
				`"'=HYPERLINK(""x"")",100,,false`,
				''
			].join('\n')
		);
		const back: string[][] = parse(text, { delimiter: ',' });
		expect(back[1]).toEqual(['Ja; "helt" säkert', '47.1', '-2.5', 'true']);
	});
});

describe('csvLines', () => {
	it('leaves cells protected already as they are when told so', () => {
		expect(csvLines([["'=1+1", "''citat"]], CSV_SWEDISH, { protect: false })).toBe("'=1+1;''citat\r\n");
		expect(csvLines([['=1+1', '+46 70']], CSV_PLAIN)).toBe("'=1+1,'+46 70\n");
	});
});
