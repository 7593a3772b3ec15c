import ExcelJS from 'exceljs';
import { z } from 'zod';
import { csvLines, csvStart } from '../../core/csv/csv-dialect.ts';
import { buildCodebook, codebookTable } from '../../core/exchange/codebook.ts';
import { protectText } from '../../core/exchange/response-columns.ts';
import type { TDb } from '../db/client.ts';
import { exportCsvDialect, type TCsvSeparator } from './export-responses-csv.ts';
import { loadExportWave, type TExportWave } from './load-export-wave.ts';

export const ZCodebookFormat = z.enum(['csv', 'xlsx', 'json']);
export type TCodebookFormat = z.infer<typeof ZCodebookFormat>;

export interface TCodebookFile {
	filename: string;
	contentType: string;
	body: Uint8Array;
}

/** The codebook of a wave's response export as CSV (UTF-8 with BOM), XLSX or JSON. */
export async function exportCodebook(
	db: TDb,
	input: { slug: string; format: TCodebookFormat; separator?: TCsvSeparator }
): Promise<TCodebookFile> {
	const wave = await loadExportWave(db, input.slug);
	return codebookFile(wave, input.format, input.separator ?? ';');
}

/** The codebook file of a loaded wave (also packed into the SPSS export). */
export async function codebookFile(
	wave: TExportWave,
	format: TCodebookFormat,
	separator: TCsvSeparator
): Promise<TCodebookFile> {
	const entries = buildCodebook(wave.questionnaire, wave.columns);
	const filename = `${wave.slug}-kodbok.${format}`;
	if (format === 'json') {
		const document = {
			wave: wave.slug,
			questionnaire: { code: wave.questionnaire.code, version: wave.questionnaire.version },
			columns: entries
		};
		return {
			filename,
			contentType: 'application/json; charset=utf-8',
			body: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`)
		};
	}
	const table = codebookTable(entries);
	if (format === 'csv') {
		const dialect = exportCsvDialect(separator);
		const protectedTable = table.map((row) => row.map((v) => (typeof v === 'string' ? protectText(v) : v)));
		const text = `${csvStart(dialect)}${csvLines(protectedTable, dialect, { protect: false })}`;
		return { filename, contentType: 'text/csv; charset=utf-8', body: new TextEncoder().encode(text) };
	}
	// An XLSX string cell is text and never runs as a formula: the text as it is, without the CSV's apostrophe.
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('codebook', { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.addRows(table);
	return {
		filename,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: new Uint8Array(await workbook.xlsx.writeBuffer())
	};
}
