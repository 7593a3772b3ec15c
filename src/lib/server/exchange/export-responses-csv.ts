import { Readable } from 'node:stream';
import { z } from 'zod';
import { CSV_SWEDISH, csvLines, csvStart, type TCsvDialect } from '../../core/csv/csv-dialect.ts';
import type { TDb } from '../db/client.ts';
import { loadExportWave } from './load-export-wave.ts';
import { recordExport } from './record-export.ts';
import { streamResponseCells } from './stream-response-cells.ts';

export const ZCsvSeparator = z.enum([';', ',']);
export type TCsvSeparator = z.infer<typeof ZCsvSeparator>;

/**
 * The dialect of an export with the chosen separator: Swedish (`;`, decimal comma) or `,` with a decimal
 * point; both with the byte order mark (so Excel reads å, ä, ö) and CRLF.
 */
export function exportCsvDialect(separator: TCsvSeparator): TCsvDialect {
	return separator === ';' ? CSV_SWEDISH : { ...CSV_SWEDISH, delimiter: ',', decimalComma: false };
}

export interface TExportFile {
	filename: string;
	contentType: string;
	/** The file's bytes, produced as they are read (a large wave is never held in memory). */
	body: Readable;
}

/**
 * A wave's responses as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads å, ä, ö),
 * `;` between cells by default (Swedish Excel) or `,`, codes as values, formula-like text neutralised.
 */
export async function exportResponsesCsv(
	db: TDb,
	input: { slug: string; separator?: TCsvSeparator; actor: string }
): Promise<TExportFile> {
	const wave = await loadExportWave(db, input.slug);
	const delimiter = input.separator ?? ';';
	await recordExport(db, { actor: input.actor, slug: wave.slug, format: 'csv' });
	const dialect = exportCsvDialect(delimiter);
	// The cells are protected against formulas already (responseToCells), in the way the import undoes.
	async function* lines() {
		yield `${csvStart(dialect)}${csvLines([wave.columns.map((c) => c.name)], dialect)}`;
		for await (const batch of streamResponseCells(db, wave))
			yield csvLines(batch, dialect, { protect: false });
	}
	return {
		filename: `${wave.slug}-svar.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: Readable.from(lines())
	};
}
