import { parse } from 'csv-parse/sync';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type TTableResult, tooManyBytes, tooManyRows } from './table.ts';

export interface ReadCsvOptions {
	maxRows?: number;
	maxBytes?: number;
}

/**
 * Reads CSV bytes as a table: UTF-8 with or without a byte order mark, `;` (Swedish Excel) or `,` as the
 * separator, chosen from the header line. Anything else (another encoding, a broken quote, too many rows)
 * is refused with a message naming what to do.
 */
export function readCsvTable(bytes: Uint8Array, options: ReadCsvOptions = {}): TTableResult {
	const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
	const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
	if (bytes.byteLength > maxBytes) return { ok: false, problem: tooManyBytes(bytes.byteLength, maxBytes) };
	let text: string;
	try {
		// `fatal` refuses invalid UTF-8 instead of turning it into U+FFFD; the BOM is dropped.
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return {
			ok: false,
			problem:
				'The file is not UTF-8 text (perhaps a Windows-1252 export). In Excel, choose "Save as" and the type "CSV UTF-8 (comma delimited)", then import that file'
		};
	}
	if (text.includes('\u0000')) {
		return { ok: false, problem: 'The file is not a text file (it contains NUL bytes); import CSV or XLSX' };
	}
	if (text.trim() === '') return { ok: false, problem: 'The file is empty' };
	let records: { record: string[]; info: { records: number } }[];
	try {
		records = parse(text, {
			delimiter: detectDelimiter(text),
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false,
			info: true,
			// Stop reading one row past the limit: enough to refuse, without parsing the rest.
			to: maxRows + 2,
			max_record_size: 64 * 1024
		}) as unknown as typeof records;
	} catch (error) {
		// `records` counts the rows read before the one that broke, which is the next row of the sheet.
		const records = (error as { records?: number }).records;
		const reason =
			(error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED'
				? 'a quoted cell is never closed'
				: 'it cannot be read';
		return {
			ok: false,
			problem: `The file is not valid CSV: ${reason}${records !== undefined ? ` (line ${records + 1})` : ''}`
		};
	}
	const [first, ...rest] = records;
	if (!first) return { ok: false, problem: 'The file is empty' };
	// A trailing line break gives no record; the last blank lines of a file are not rows.
	while (rest.length > 0 && rest.at(-1)?.record.every((c) => c.trim() === '')) rest.pop();
	if (rest.length > maxRows) return { ok: false, problem: tooManyRows(maxRows) };
	return {
		ok: true,
		table: {
			header: first.record,
			rows: rest.map((r) => ({ line: r.info.records, cells: r.record }))
		}
	};
}

/** `;` when the header line has more semicolons than commas (outside quotes), otherwise `,`. */
export function detectDelimiter(text: string): ';' | ',' {
	let semicolons = 0;
	let commas = 0;
	let quoted = false;
	for (const char of text) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && char === ';') semicolons++;
		else if (!quoted && char === ',') commas++;
	}
	return semicolons > commas ? ';' : ',';
}
