import type { TText } from '../questionnaire/definition.ts';
import { t } from '../questionnaire/text.ts';
import type { TCell, TExportColumn } from './response-columns.ts';

/**
 * SPSS delivery of a response export: a comma-separated data file and a syntax file that reads it with
 * variable and value labels. Single choices become numbers 1…n (the option's position) with value labels,
 * since SPSS analyses numeric codes; the codebook gives the mapping back to the option codes.
 */

/** One SPSS variable of the data file. */
export interface TSpssVariable {
	/** The export column's name. */
	column: string;
	/** The SPSS variable name: safe, unique (ignoring case), at most 64 bytes. */
	name: string;
	/** `F<w>.0` for numbers, `A<w>` for text. */
	format: string;
	measure: 'nominal' | 'ordinal' | 'scale';
	/** Value labels of a numeric variable. */
	values: { value: number; label: string }[];
}

// Words SPSS reserves: no variable may be called so.
const RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']);
const MAX_NAME_BYTES = 64;
const MAX_STRING_WIDTH = 32767;

/**
 * A column name as an SPSS variable name: letters, digits and _ only (dots become _), starting with a
 * letter, not ending in _, not a reserved word, at most 64 bytes.
 */
export function spssSafeName(column: string): string {
	let name = column
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9_]+/g, '_')
		.replace(/_+/g, '_')
		.replace(/^_+|_+$/g, '');
	if (!/^[A-Za-z]/.test(name)) name = `v_${name}`.replace(/_+$/, '');
	if (RESERVED.has(name.toLowerCase())) name = `${name}_v`;
	return name.slice(0, MAX_NAME_BYTES).replace(/_+$/, '');
}

/** SPSS-safe names for all columns, made unique (case-insensitively) with a numeric suffix. */
export function spssNames(columns: readonly TExportColumn[]): string[] {
	const taken = new Set<string>();
	return columns.map((c) => {
		const base = spssSafeName(c.name);
		let name = base;
		for (let n = 2; taken.has(name.toLowerCase()); n++) {
			const suffix = `_${n}`;
			name = `${base.slice(0, MAX_NAME_BYTES - suffix.length)}${suffix}`;
		}
		taken.add(name.toLowerCase());
		return name;
	});
}

/** The width of a string variable whose longest value has `bytes` bytes: at least 1, at most 32 767. */
const stringWidth = (bytes: number) => Math.min(MAX_STRING_WIDTH, Math.max(1, bytes));
const digits = (n: number) => String(Math.trunc(n)).length;

/**
 * The SPSS variables of the export columns, in column order. A text variable is as wide as the longest
 * value of its column in the data (`textWidths`, in UTF-8 bytes by column name; absent: no text, width 1),
 * so that SPSS and PSPP neither cut an answer nor carry thousands of blank bytes per case.
 */
export function spssVariables(
	columns: readonly TExportColumn[],
	labels: { chosen: string; notChosen: string },
	textWidths: ReadonlyMap<string, number>,
	lang: 'sv' | 'en' = 'sv'
): TSpssVariable[] {
	const names = spssNames(columns);
	const label = (text: TText) => t(text, lang);
	return columns.map((c, i) =>
		variableOf(c, names[i] ?? c.name, labels, label, stringWidth(textWidths.get(c.name) ?? 0))
	);
}

function variableOf(
	c: TExportColumn,
	name: string,
	labels: { chosen: string; notChosen: string },
	label: (text: TText) => string,
	width: number
): TSpssVariable {
	const base = { column: c.name, name, values: [] as TSpssVariable['values'] };
	switch (c.kind) {
		case 'meta':
			if (c.name === 'submitted_at') return { ...base, format: 'A20', measure: 'nominal' };
			if (c.name === 'status') return { ...base, format: 'A8', measure: 'nominal' };
			return { ...base, format: `A${width}`, measure: 'nominal' };
		case 'single':
			return {
				...base,
				format: `F${digits(c.options.length)}.0`,
				measure: 'nominal',
				values: c.options.map((o, k) => ({ value: k + 1, label: label(o.label) }))
			};
		case 'multi_option':
			return {
				...base,
				format: 'F1.0',
				measure: 'nominal',
				values: [
					{ value: 0, label: labels.notChosen },
					{ value: 1, label: labels.chosen }
				]
			};
		case 'scale':
			return {
				...base,
				format: `F${Math.max(digits(c.min), digits(c.max))}.0`,
				measure: 'scale',
				// The ends' labels, as the respondent saw them beside the scale.
				values: [
					...(c.minLabel ? [{ value: c.min, label: label(c.minLabel) }] : []),
					...(c.maxLabel ? [{ value: c.max, label: label(c.maxLabel) }] : [])
				]
			};
		case 'other_text':
		case 'text':
			return { ...base, format: `A${width}`, measure: 'nominal' };
	}
}

/**
 * A cell of the SPSS data file: single choices as their option's number, text with line breaks as spaces
 * (SPSS reads one case per line) and still protected against formulas (the data file is a CSV file that
 * may as well be opened in a spreadsheet), empty stays empty.
 */
export function spssDataCell(column: TExportColumn, cell: TCell): string | number | null {
	if (cell === null) return null;
	if (column.kind === 'single') {
		const k = column.options.findIndex((o) => o.code === cell);
		return k < 0 ? null : k + 1;
	}
	if (typeof cell === 'number') return cell;
	return cell.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Text as an SPSS string literal: in apostrophes, apostrophes doubled, line breaks as spaces, ≤ `bytes`. */
export function spssString(text: string, bytes = 255): string {
	let value = text.replace(/\r\n|[\r\n\u2028\u2029\t]/g, ' ').trim();
	const encoder = new TextEncoder();
	while (encoder.encode(value).length > bytes) value = [...value].slice(0, -1).join('');
	return `'${value.replace(/'/g, "''")}'`;
}

export interface TSpssSyntaxInput {
	/** The data file's name, as it lies beside the syntax file. */
	dataFile: string;
	title: string;
	variables: readonly TSpssVariable[];
	/** Variable labels by column name (the question text; the option for multi-choice columns). */
	variableLabels: ReadonlyMap<string, string>;
}

/** The `.sps` syntax that reads the data file and labels its variables. */
export function spssSyntax(input: TSpssSyntaxInput): string {
	const { variables } = input;
	const lines: string[] = [
		'* Encoding: UTF-8.',
		`* ${input.title.replace(/[\r\n]+/g, ' ')}.`,
		'* Run this file from the folder that holds the data file (or give the full path after /FILE).',
		'* The data file is UTF-8: SPSS reads it so in Unicode mode (its default since version 21), PSPP always.',
		'GET DATA',
		'  /TYPE=TXT',
		`  /FILE=${spssString(input.dataFile)}`,
		"  /ENCODING='UTF8'",
		'  /ARRANGEMENT=DELIMITED',
		'  /DELCASE=LINE',
		'  /FIRSTCASE=2',
		`  /DELIMITERS=","`,
		`  /QUALIFIER='"'`,
		'  /VARIABLES=',
		...variables.map((v) => `    ${v.name} ${v.format}`),
		'.',
		'CACHE.',
		'EXECUTE.'
	];
	const labelled = variables.filter((v) => input.variableLabels.has(v.column));
	if (labelled.length > 0) lines.push('', 'VARIABLE LABELS');
	labelled.forEach((v, i) => {
		const end = i === labelled.length - 1 ? '.' : '';
		lines.push(
			`  ${i === 0 ? '' : '/'}${v.name} ${spssString(input.variableLabels.get(v.column) ?? '')}${end}`
		);
	});
	const valued = variables.filter((v) => v.values.length > 0);
	if (valued.length > 0) {
		lines.push('', 'VALUE LABELS');
		valued.forEach((v, i) => {
			const values = v.values.map((x) => `${x.value} ${spssString(x.label, 120)}`).join(' ');
			lines.push(`  ${i === 0 ? '' : '/'}${v.name} ${values}${i === valued.length - 1 ? '.' : ''}`);
		});
	}
	for (const measure of ['nominal', 'scale'] as const) {
		const names = variables.filter((v) => v.measure === measure).map((v) => v.name);
		if (names.length > 0) lines.push('', `VARIABLE LEVEL ${names.join(' ')} (${measure.toUpperCase()}).`);
	}
	lines.push('', 'EXECUTE.', '');
	return lines.join('\r\n');
}
