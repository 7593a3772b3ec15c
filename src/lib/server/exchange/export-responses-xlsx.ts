import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildCodebook, codebookTable } from '../../core/exchange/codebook.ts';
import { cellLabel, type TCell, unprotectText } from '../../core/exchange/response-columns.ts';
import type { TDb } from '../db/client.ts';
import type { TExportFile } from './export-responses-csv.ts';
import { loadExportWave, type TExportWave } from './load-export-wave.ts';
import { recordExport } from './record-export.ts';
import { streamResponseCells } from './stream-response-cells.ts';
import { waitForReader } from './wait-for-reader.ts';

/** The worksheets of the workbook, in order: the import reads the first. */
export const XLSX_SHEETS = { values: 'values', labels: 'labels', codebook: 'codebook' } as const;

/**
 * A wave's responses as an XLSX workbook: a sheet of codes, a sheet with option labels instead of codes,
 * and the codebook. Written by exceljs' streaming writer, one sheet after the other (the responses are
 * read twice), so memory stays bounded by one batch.
 */
export async function exportResponsesXlsx(
	db: TDb,
	input: { slug: string; actor: string }
): Promise<TExportFile> {
	const wave = await loadExportWave(db, input.slug);
	await recordExport(db, { actor: input.actor, slug: wave.slug, format: 'xlsx' });
	const body = new PassThrough();
	writeWorkbook(db, wave, body).catch((error: unknown) => body.destroy(error as Error));
	return {
		filename: `${wave.slug}-svar.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body
	};
}

async function writeWorkbook(db: TDb, wave: TExportWave, out: PassThrough): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useSharedStrings: false,
		useStyles: false
	});
	const header = wave.columns.map((c) => c.name);
	const sheet = async (name: string, cell: (column: number, value: TCell) => TCell) => {
		const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
		worksheet.addRow(header).commit();
		for await (const batch of streamResponseCells(db, wave)) {
			for (const row of batch) worksheet.addRow(row.map((value, i) => cell(i, value))).commit();
			// Let a slow reader catch up before reading the next batch.
			await waitForReader(out);
		}
		worksheet.commit();
	};
	// The cells come protected for CSV; an XLSX string cell is text and never runs as a formula, so it holds
	// the text itself, without the apostrophe a spreadsheet would show (the import reads it literally).
	const literal = (value: TCell) => (typeof value === 'string' ? unprotectText(value) : value);
	await sheet(XLSX_SHEETS.values, (_, value) => literal(value));
	await sheet(XLSX_SHEETS.labels, (i, value) => {
		const column = wave.columns[i];
		return literal(column ? cellLabel(column, value) : value);
	});
	const codebook = workbook.addWorksheet(XLSX_SHEETS.codebook, { views: [{ state: 'frozen', ySplit: 1 }] });
	for (const row of codebookTable(buildCodebook(wave.questionnaire, wave.columns))) {
		codebook.addRow(row).commit();
	}
	codebook.commit();
	await workbook.commit();
}
