import { XMLParser } from 'fast-xml-parser';
import { checkXml } from '../check-xml.ts';
import type { TLssRefusal } from './lss-problems.ts';

/** One row of a table of the file, every field as the text it holds ('' when empty). */
export type TLssRow = Record<string, string>;

/** A LimeSurvey survey structure file read into its tables (`groups`, `questions`, `answers`, …). */
export interface TLssDocument {
	dbVersion: number;
	languages: string[];
	tables: Record<string, TLssRow[]>;
}

/**
 * The oldest structure this import reads: LimeSurvey 1.90 (DBVersion 143), the first with subquestions
 * and expression-manager relevance. Files from LimeSurvey 4 on (DBVersion 400 and up) keep their texts in
 * `*_l10ns` tables; `map-lss.ts` reads both.
 */
export const MIN_DB_VERSION = 143;

/** Reads a `.lss` file into its tables, or says why it is not a LimeSurvey survey structure file. */
export function readLss(
	bytes: Uint8Array | string
): { ok: true; document: TLssDocument } | { ok: false; refusal: TLssRefusal } {
	let xml: string;
	if (typeof bytes === 'string') xml = bytes;
	else {
		try {
			xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return { ok: false, refusal: { key: 'notUtf8' } };
		}
	}
	xml = xml.replace(/^\ufeff/, '');
	if (!xml.trimStart().startsWith('<')) return { ok: false, refusal: { key: 'notXml' } };
	// LimeSurvey never writes a document type.
	const problem = checkXml(xml);
	if (problem) return { ok: false, refusal: problem };
	const parsed: unknown = new XMLParser({
		ignoreAttributes: true,
		parseTagValue: false,
		processEntities: true,
		htmlEntities: false,
		isArray: (name, jpath) => name === 'row' || jpath === 'document.languages.language'
	}).parse(xml);
	const root = isObject(parsed) ? parsed.document : undefined;
	if (!isObject(root) || !('LimeSurveyDocType' in root))
		return { ok: false, refusal: { key: 'notLimeSurvey' } };
	const docType = text(root.LimeSurveyDocType);
	if (docType !== 'Survey') return { ok: false, refusal: { key: 'notSurvey', docType } };
	const version = text(root.DBVersion);
	if (!/^\d{1,9}$/.test(version) || Number(version) < MIN_DB_VERSION)
		return { ok: false, refusal: { key: 'dbVersion', version } };
	const tables: Record<string, TLssRow[]> = {};
	for (const [name, table] of Object.entries(root)) {
		if (!isObject(table) || !isObject(table.rows)) continue;
		const rows = Array.isArray(table.rows.row) ? table.rows.row : [];
		tables[name] = rows.filter(isObject).map((row) => {
			const fields: TLssRow = {};
			for (const [field, value] of Object.entries(row)) fields[field] = text(value);
			return fields;
		});
	}
	const listed =
		isObject(root.languages) && Array.isArray(root.languages.language) ? root.languages.language : [];
	const languages = listed.map(text).filter((l) => l !== '');
	return { ok: true, document: { dbVersion: Number(version), languages, tables } };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// An element with text is a string; an empty one (`<preg/>`) is '' or absent; one with children is not text.
const text = (value: unknown): string =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
