import { MAX_DISTINCT, type TFileColumn } from '../../core/exchange/import-mapping.ts';
import { readImportRows, type TImportSource } from './import-read-rows.ts';
import { MAX_RESPONSE_IMPORT_BYTES, MAX_RESPONSE_IMPORT_ROWS } from './import-responses.ts';

/**
 * A file's columns as the mapping page shows them: each header with its distinct values (up to
 * MAX_DISTINCT; more means free text or numbers, which need no value mapping). Read as a stream.
 */
export async function readFileColumns(source: TImportSource): Promise<TFileColumn[]> {
	let header: string[] | null = null;
	let distinct: (Set<string> | null)[] = [];
	for await (const { cells } of readImportRows(source, {
		maxRows: MAX_RESPONSE_IMPORT_ROWS,
		maxBytes: MAX_RESPONSE_IMPORT_BYTES
	})) {
		const text = cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : String(c).trim()));
		if (!header) {
			header = text.map((h) => h.replace(/^\uFEFF/, ''));
			distinct = header.map(() => new Set<string>());
			continue;
		}
		text.forEach((value, i) => {
			const seen = distinct[i];
			if (!seen || value === '') return;
			seen.add(value);
			if (seen.size > MAX_DISTINCT) distinct[i] = null;
		});
	}
	return (header ?? []).map((name, i) => {
		const seen = distinct[i];
		return { name, distinct: seen ? [...seen] : null };
	});
}
