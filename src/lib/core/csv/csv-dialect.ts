import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell.ts';

/** A cell of a CSV file before it is written. */
export type TCsvCell = string | number | boolean | null;

/**
 * How a CSV file is written for the program that opens it. Swedish Excel and LibreOffice Calc split on
 * `;` and read `47,1` as a number (`47.1` would stay text); they need the byte order mark to read UTF-8.
 */
export interface TCsvDialect {
	delimiter: ';' | ',';
	decimalComma: boolean;
	bom: boolean;
	lineEnd: 'windows' | 'unix';
}

/** Swedish Excel and LibreOffice Calc: `;`, decimal comma, UTF-8 with a byte order mark, CRLF. */
export const CSV_SWEDISH: TCsvDialect = { delimiter: ';', decimalComma: true, bom: true, lineEnd: 'windows' };

/** Plain CSV for programs and English spreadsheets: `,`, decimal point, no byte order mark. */
export const CSV_PLAIN: TCsvDialect = { delimiter: ',', decimalComma: false, bom: false, lineEnd: 'unix' };

/** The dialects by the names the CLI and the download links use (`csv` is Swedish, `csv-en` plain). */
export const CSV_DIALECTS = { csv: CSV_SWEDISH, 'csv-en': CSV_PLAIN } as const;

/** What starts a file of the dialect: the byte order mark, or nothing. */
export function csvStart(dialect: TCsvDialect): string {
	return dialect.bom ? '\uFEFF' : '';
}

/**
 * Rows as CSV lines of the dialect: text that a spreadsheet would run as a formula neutralised (see
 * `spreadsheetSafeCell`; pass `protect: false` for cells protected already), numbers with the dialect's
 * decimal mark, booleans as `true` / `false`, quoting where a cell holds the delimiter, a quote or a line
 * break. No byte order mark: `csvStart` gives it once per file.
 */
export function csvLines(
	rows: readonly (readonly TCsvCell[])[],
	dialect: TCsvDialect,
	options: { protect?: boolean } = {}
): string {
	const protect = options.protect ?? true;
	return stringify(
		rows.map((row) => (protect ? row.map(spreadsheetSafeCell) : [...row])),
		{
			delimiter: dialect.delimiter,
			record_delimiter: dialect.lineEnd,
			cast: {
				boolean: (b) => (b ? 'true' : 'false'),
				number: (n) => (dialect.decimalComma ? String(n).replace('.', ',') : String(n))
			}
		}
	);
}

/** A whole CSV file of the dialect: byte order mark if any, header, rows. */
export function csvFile(
	header: readonly string[],
	rows: readonly (readonly TCsvCell[])[],
	dialect: TCsvDialect
): string {
	return `${csvStart(dialect)}${csvLines([header, ...rows], dialect)}`;
}
