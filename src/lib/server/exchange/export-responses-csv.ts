import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { loadExportWave } from './load-export-wave.ts';
import { recordExport } from './record-export.ts';
import { streamResponseCells } from './stream-response-cells.ts';

export const ZCsvSeparator = z.enum([';', ',']);
export type TCsvSeparator = z.infer<typeof ZCsvSeparator>;

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
	const options = { delimiter, record_delimiter: 'windows' as const };
	async function* lines() {
		yield `\uFEFF${stringify([wave.columns.map((c) => c.name)], options)}`;
		for await (const batch of streamResponseCells(db, wave)) yield stringify(batch, options);
	}
	return {
		filename: `${wave.slug}-svar.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: Readable.from(lines())
	};
}
