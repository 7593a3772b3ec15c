import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectDelimiter } from '../../core/spreadsheet/read-csv-table.ts';
import { tooManyBytes, tooManyRows } from '../../core/spreadsheet/table.ts';
import { AppError } from '../app-error.ts';
import type { TDb, TTx } from '../db/client.ts';
import { checkXlsxSize, STREAMED_XLSX_LIMITS } from '../spreadsheet/check-xlsx-size.ts';

/**
 * A file to import: on disk (the CLI), in memory, or read in pieces each time it is read (an upload kept
 * in the database between the steps of the import page).
 */
export type TImportSource =
	| { path: string; fileName?: string }
	| { bytes: Uint8Array; fileName: string }
	| {
			/** Read through the connection the import works in: inside its transaction, on PGlite's one connection. */
			chunks: (connection?: TDb | TTx) => AsyncIterable<Uint8Array>;
			size: number;
			fileName: string;
	  };

/** A cell as read: text from CSV; text, number, boolean or date from XLSX; blank as null. */
export type TRowCell = string | number | boolean | Date | null;

/** One row of a sheet with the number a spreadsheet shows for it (the header is line 1). */
export interface TReadRow {
	line: number;
	cells: TRowCell[];
	/**
	 * Text cells hold the text itself (XLSX: a string cell never runs as a formula, so the export writes no
	 * apostrophe there); false for CSV, where a leading apostrophe is the export's formula protection.
	 */
	literalText: boolean;
}

export interface ReadImportRowsOptions {
	/** Most data rows (below the header) taken; one more refuses the file. */
	maxRows: number;
	/** Largest file taken, in bytes. */
	maxBytes: number;
	/** The database connection a source in the database is read through (the caller's transaction). */
	connection?: TDb | TTx;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const CHUNK = 64 * 1024;

const refuse = (message: string) => new AppError('INVALID_INPUT', message);

const NOT_UTF8 =
	'The file is not UTF-8 text (perhaps a Windows-1252 export). In Excel, choose "Save as" and the type "CSV UTF-8 (comma delimited)", then import that file';

/**
 * The rows of a CSV (UTF-8 with or without a byte order mark, `;` or `,`) or XLSX file (its first sheet),
 * header first, read as a stream: memory stays bounded whatever the file's size. Blank rows are skipped
 * but keep their line numbers. A file that cannot be read (another encoding, a quote never closed, the old
 * Excel format, too large, too many rows) throws an AppError naming what to do; rows yielded before that
 * are the caller's to discard (imports validate the whole file before writing anything).
 */
export async function* readImportRows(
	source: TImportSource,
	options: ReadImportRowsOptions
): AsyncGenerator<TReadRow> {
	const size =
		'bytes' in source ? source.bytes.byteLength : 'chunks' in source ? source.size : fileSize(source.path);
	if (size > options.maxBytes) throw refuse(tooManyBytes(size, options.maxBytes));
	if (size === 0) throw refuse('The file is empty');
	const head = await firstBytes(source, 8, options.connection);
	const name = source.fileName ?? ('path' in source ? source.path : '');
	let rows: AsyncGenerator<TReadRow>;
	if (ZIP.every((b, i) => head[i] === b)) {
		// Read once to the limits before the reader opens it: ExcelJS would unpack a zip bomb in full.
		await checkXlsxSize(byteStream(source, options.connection), STREAMED_XLSX_LIMITS);
		rows = readXlsxRows(source, options.connection);
	} else if (OLE.every((b, i) => head[i] === b) || /\.xls$/i.test(name)) {
		throw refuse(
			'The file is in the old Excel format (.xls); save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"'
		);
	} else if (/\.xlsx$/i.test(name)) throw refuse('The file is not a valid XLSX workbook');
	else rows = readCsvRows(source, options.connection);
	let count = 0;
	for await (const row of rows) {
		if (row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
		// The header is the first row with content; rows below it count against the limit.
		if (count++ > options.maxRows) throw refuse(tooManyRows(options.maxRows));
		yield row;
	}
	if (count === 0) throw refuse('The file is empty');
}

function fileSize(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		throw new AppError('NOT_FOUND', `Cannot read the file ${path}`);
	}
}

async function firstBytes(source: TImportSource, n: number, connection?: TDb | TTx): Promise<Uint8Array> {
	if ('bytes' in source) return source.bytes.subarray(0, n);
	const chunks =
		'chunks' in source ? source.chunks(connection) : createReadStream(source.path, { start: 0, end: n - 1 });
	for await (const chunk of chunks) {
		return (chunk as Uint8Array).subarray(0, n);
	}
	return new Uint8Array();
}

function byteStream(source: TImportSource, connection?: TDb | TTx): Readable {
	if ('path' in source) return createReadStream(source.path, { highWaterMark: CHUNK });
	if ('chunks' in source) return Readable.from(source.chunks(connection));
	const { bytes } = source;
	return Readable.from(
		(function* () {
			for (let i = 0; i < bytes.byteLength; i += CHUNK) yield Buffer.from(bytes.subarray(i, i + CHUNK));
		})()
	);
}

/** UTF-8 text of a byte stream, refusing invalid bytes and NUL (binary files); the BOM is dropped. */
async function* utf8Text(bytes: Readable): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	for await (const chunk of bytes) {
		let text: string;
		try {
			text = decoder.decode(chunk as Buffer, { stream: true });
		} catch {
			throw refuse(NOT_UTF8);
		}
		if (text.includes('\u0000')) {
			throw refuse('The file is not a text file (it contains NUL bytes); import CSV or XLSX');
		}
		if (text) yield text;
	}
	try {
		const rest = decoder.decode();
		if (rest) yield rest;
	} catch {
		throw refuse(NOT_UTF8);
	}
}

async function* readCsvRows(source: TImportSource, connection?: TDb | TTx): AsyncGenerator<TReadRow> {
	const text = utf8Text(byteStream(source, connection));
	// The separator is chosen from the header line, so the first chunk is read before the parser starts.
	const first = await text.next();
	if (first.done) return;
	const parser = parse({
		delimiter: detectDelimiter(first.value),
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: false,
		info: true,
		max_record_size: 1024 * 1024
	});
	const feed = Readable.from(
		(async function* () {
			yield first.value;
			yield* text;
		})()
	);
	feed.on('error', (error) => parser.destroy(error));
	feed.pipe(parser);
	try {
		for await (const { record, info } of parser as AsyncIterable<{
			record: string[];
			info: { records: number };
		}>) {
			// `records` counts rows as a spreadsheet shows them: a quoted multi-line cell is one row.
			yield { line: info.records, cells: record, literalText: false };
		}
	} catch (error) {
		if (error instanceof AppError) throw error;
		const code = (error as { code?: string }).code;
		const records = (error as { records?: number }).records;
		const reason = code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : 'it cannot be read';
		throw refuse(
			`The file is not valid CSV: ${reason}${records !== undefined ? ` (line ${records + 1})` : ''}`
		);
	} finally {
		feed.destroy();
	}
}

async function* readXlsxRows(source: TImportSource, connection?: TDb | TTx): AsyncGenerator<TReadRow> {
	// Shared strings are cached (cells refer to them by number); styles and hyperlinks are not needed. A sheet
	// stored before its shared strings goes to a temp file (the tmp package: a random name created
	// exclusively, mode 0600, so no other user can plant or read it), bounded by checkXlsxSize above.
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(byteStream(source, connection) as never, {
		sharedStrings: 'cache',
		worksheets: 'emit',
		hyperlinks: 'ignore',
		styles: 'cache',
		entries: 'emit'
	});
	try {
		for await (const sheet of reader) {
			// The first sheet holds the values (an export's second sheet holds labels).
			for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
				const values = Array.isArray(row.values) ? row.values : [];
				const cells: TRowCell[] = [];
				// `values` is indexed from 1, as the sheet's columns are.
				for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
				yield { line: row.number, cells, literalText: true };
			}
			return;
		}
	} catch (error) {
		if (error instanceof AppError) throw error;
		throw refuse('The file is not a valid XLSX workbook');
	}
}

/** A cell's value as the user sees it; a formula gives its last computed result. */
function xlsxCell(value: ExcelJS.CellValue | undefined): TRowCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value;
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('formula' in value || 'sharedFormula' in value) {
		const result = (value as { result?: unknown }).result;
		return result === undefined || result === null || typeof result === 'object'
			? null
			: (result as TRowCell);
	}
	if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : xlsxCell(value.text);
	if ('error' in value) return String(value.error);
	return null;
}
