import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsvTable } from './read-csv-table.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCsvTable', () => {
	it('reads Swedish Excel CSV: semicolons, a byte order mark and CRLF line ends', () => {
		const result = readCsvTable(bytes('\uFEFFnamn;e-post\r\nÅsa Öberg;asa@kalix.se\r\n'));
		expect(result).toEqual({
			ok: true,
			table: { header: ['namn', 'e-post'], rows: [{ line: 2, cells: ['Åsa Öberg', 'asa@kalix.se'] }] }
		});
	});

	it('reads comma-separated UTF-8 without a byte order mark', () => {
		const result = readCsvTable(bytes('name,email\nA,a@x.se\nB,b@x.se'));
		expect(result.ok && result.table.rows.map((r) => [r.line, r.cells])).toEqual([
			[2, ['A', 'a@x.se']],
			[3, ['B', 'b@x.se']]
		]);
	});

	it('chooses the separator from the header line, ignoring quoted ones', () => {
		expect(detectDelimiter('"a;b;c",d,e\nx;y;z;w')).toBe(',');
		expect(detectDelimiter('"Berg, Anna";e-post;titel\n1,2,3,4,5')).toBe(';');
	});

	it('numbers rows as a spreadsheet does: a quoted multi-line cell is one row, blank rows count', () => {
		const result = readCsvTable(bytes('a;b\n1;"two\nlines"\n\n4;x\n'));
		expect(result.ok && result.table.rows.map((r) => [r.line, r.cells])).toEqual([
			[2, ['1', 'two\nlines']],
			[3, ['']],
			[4, ['4', 'x']]
		]);
	});

	it('refuses Windows-1252 bytes, telling the user to save as CSV UTF-8', () => {
		// "Kommunchef;Luleå" as Windows-1252: å is the single byte 0xE5.
		const latin1 = Uint8Array.from([...bytes('titel;kommun\nKommunchef;Lule'), 0xe5, 0x0a]);
		const result = readCsvTable(latin1);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problem).toMatch(/not UTF-8 .*"CSV UTF-8/);
	});

	it('refuses an empty file and one of blank lines', () => {
		expect(readCsvTable(bytes(''))).toEqual({ ok: false, problem: 'The file is empty' });
		expect(readCsvTable(bytes('\uFEFF\r\n\r\n'))).toEqual({ ok: false, problem: 'The file is empty' });
	});

	it('refuses a quote that is never closed, naming the row it starts in', () => {
		const result = readCsvTable(bytes('a,b\n1,"open\n2,3\n'));
		expect(result).toEqual({
			ok: false,
			problem: 'The file is not valid CSV: a quoted cell is never closed (line 2)'
		});
	});

	it('refuses more rows than the limit, and more bytes than the limit', () => {
		const text = `a\n${'x\n'.repeat(11)}`;
		expect(readCsvTable(bytes(text), { maxRows: 11 }).ok).toBe(true);
		expect(readCsvTable(bytes(text), { maxRows: 10 })).toEqual({
			ok: false,
			problem: 'The file has more than 10 rows; split it into files of at most 10 rows'
		});
		expect(readCsvTable(bytes(text), { maxBytes: 20 })).toEqual({
			ok: false,
			problem: 'The file is too large: 24 bytes, and at most 20 are taken'
		});
	});

	it('refuses binary content', () => {
		const result = readCsvTable(Uint8Array.from([0x61, 0x00, 0x62, 0x0a]));
		expect(result.ok).toBe(false);
	});
});
