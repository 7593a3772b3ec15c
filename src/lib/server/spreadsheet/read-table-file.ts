import ExcelJS from 'exceljs';
import { readCsvTable } from '../../core/spreadsheet/read-csv-table.ts';
import {
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	type TTableResult,
	tooManyBytes,
	tooManyRows
} from '../../core/spreadsheet/table.ts';
import { isAppError } from '../app-error.ts';
import { checkXlsxBytes, TABLE_XLSX_LIMITS } from './check-xlsx-size.ts';

export interface ReadTableFileOptions {
	maxRows?: number;
	maxBytes?: number;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Reads an uploaded sheet by its content: XLSX (a zip; the first worksheet) or CSV (see readCsvTable).
 * The old binary Excel format is refused with what to do instead.
 */
export async function readTableFile(
	bytes: Uint8Array,
	fileName: string,
	options: ReadTableFileOptions = {}
): Promise<TTableResult> {
	const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
	if (bytes.byteLength > maxBytes) return { ok: false, problem: tooManyBytes(bytes.byteLength, maxBytes) };
	if (startsWith(bytes, ZIP)) return readXlsxTable(bytes, options.maxRows ?? MAX_IMPORT_ROWS);
	if (startsWith(bytes, OLE) || /\.xls$/i.test(fileName)) {
		return {
			ok: false,
			problem:
				'The file is in the old Excel format (.xls); save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"'
		};
	}
	if (/\.xlsx$/i.test(fileName)) return { ok: false, problem: 'The file is not a valid XLSX workbook' };
	return readCsvTable(bytes, options);
}

async function readXlsxTable(bytes: Uint8Array, maxRows: number): Promise<TTableResult> {
	try {
		// ExcelJS's `load` unpacks the whole workbook into memory: a zip bomb is refused before it.
		await checkXlsxBytes(bytes, TABLE_XLSX_LIMITS);
	} catch (error) {
		if (!isAppError(error)) throw error;
		return { ok: false, problem: error.message };
	}
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	} catch {
		return { ok: false, problem: 'The file is not a valid XLSX workbook' };
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.actualRowCount === 0) return { ok: false, problem: 'The file is empty' };
	if (sheet.actualRowCount - 1 > maxRows) return { ok: false, problem: tooManyRows(maxRows) };
	const width = sheet.columnCount;
	const lines: { line: number; cells: string[] }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row) => {
		const cells: string[] = [];
		for (let i = 1; i <= width; i++) cells.push(cellText(row.getCell(i).value));
		lines.push({ line: row.number, cells });
	});
	// The first row with content is the header; rows keep the numbers the spreadsheet shows.
	const [header, ...rows] = lines;
	if (!header) return { ok: false, problem: 'The file is empty' };
	return { ok: true, table: { header: header.cells, rows } };
}

/** A cell as the text a user sees; a formula keeps its `=` so that the row checks refuse it. */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if ('formula' in value || 'sharedFormula' in value) {
		return `=${'formula' in value ? value.formula : value.sharedFormula}`;
	}
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
	if ('error' in value) return String(value.error);
	return '';
}
