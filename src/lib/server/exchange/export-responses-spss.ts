import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { Zip, ZipDeflate } from 'fflate';
import { buildCodebook, flagLabels } from '../../core/exchange/codebook.ts';
import { spssDataCell, spssSyntax, spssVariables } from '../../core/exchange/spss.ts';
import type { TDb } from '../db/client.ts';
import { codebookFile } from './export-codebook.ts';
import type { TExportFile } from './export-responses-csv.ts';
import { loadExportWave } from './load-export-wave.ts';
import { measureTextWidths } from './measure-text-widths.ts';
import { recordExport } from './record-export.ts';
import { streamResponseCells } from './stream-response-cells.ts';
import { waitForReader } from './wait-for-reader.ts';

export interface TSpssExport {
	/** The data file: comma-separated UTF-8, SPSS variable names in the first line. */
	data: { filename: string; body: Readable };
	/** The syntax that reads the data file with variable and value labels. */
	syntax: { filename: string; text: string };
	/** The codebook (CSV), which maps SPSS names and numbers back to columns and codes. */
	codebook: { filename: string; body: Uint8Array };
}

/** A wave's responses for SPSS: data file, `.sps` syntax and codebook (see `zipSpssExport` for one file). */
export async function exportResponsesSpss(
	db: TDb,
	input: { slug: string; actor: string }
): Promise<TSpssExport> {
	const wave = await loadExportWave(db, input.slug);
	await recordExport(db, { actor: input.actor, slug: wave.slug, format: 'spss' });
	const variables = spssVariables(wave.columns, flagLabels(), await measureTextWidths(db, wave));
	const dataFile = `${wave.slug}-svar.csv`;
	const labels = new Map(buildCodebook(wave.questionnaire, wave.columns).map((e) => [e.column, e.label]));
	const options = { delimiter: ',', record_delimiter: 'windows' as const };
	async function* lines() {
		yield stringify([variables.map((v) => v.name)], options);
		for await (const batch of streamResponseCells(db, wave)) {
			const rows = batch.map((row) =>
				row.map((cell, i) => {
					const column = wave.columns[i];
					return column ? spssDataCell(column, cell) : cell;
				})
			);
			yield stringify(rows, options);
		}
	}
	const codebook = await codebookFile(wave, 'csv', ',');
	return {
		data: { filename: dataFile, body: Readable.from(lines()) },
		syntax: {
			filename: `${wave.slug}-svar.sps`,
			text: spssSyntax({ dataFile, title: `${wave.name} (${wave.slug})`, variables, variableLabels: labels })
		},
		codebook: { filename: codebook.filename, body: codebook.body }
	};
}

/** The SPSS export as one ZIP: data file, syntax and codebook, compressed as the data is read. */
export function zipSpssExport(parts: TSpssExport, slug: string): TExportFile {
	const body = new PassThrough();
	const zip = new Zip((error, chunk, final) => {
		if (error) body.destroy(error);
		else {
			body.write(chunk);
			if (final) body.end();
		}
	});
	const add = (filename: string, bytes: Uint8Array) => {
		const entry = new ZipDeflate(filename, { level: 6 });
		zip.add(entry);
		entry.push(bytes, true);
	};
	(async () => {
		add(parts.syntax.filename, new TextEncoder().encode(parts.syntax.text));
		add(parts.codebook.filename, parts.codebook.body);
		const data = new ZipDeflate(parts.data.filename, { level: 6 });
		zip.add(data);
		for await (const chunk of parts.data.body) {
			data.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
			await waitForReader(body);
		}
		data.push(new Uint8Array(0), true);
		zip.end();
	})().catch((error: unknown) => body.destroy(error as Error));
	return { filename: `${slug}-spss.zip`, contentType: 'application/zip', body };
}
