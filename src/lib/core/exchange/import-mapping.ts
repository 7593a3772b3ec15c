import { z } from 'zod';
import type { TQuestionnaire } from '../questionnaire/definition.ts';
import { normaliseHeader } from '../spreadsheet/match-columns.ts';
import {
	cellsInColumnOrder,
	matchHeader,
	RESPONSE_META_COLUMNS,
	type TExportColumn,
	type TReadCell
} from './response-columns.ts';

/**
 * How another tool's file maps onto the export layout: which export column each file column gives ('' to
 * ignore it), how its values translate (e.g. "Ja" → `ja` for a single choice, "Vald" → `1` for an option
 * column), and the status of every row when the file has no status column.
 */
export const ZImportMapping = z.strictObject({
	columns: z.record(z.string().max(500), z.string().max(200)).default({}),
	values: z.record(z.string().max(500), z.record(z.string().max(500), z.string().max(200))).default({}),
	status: z.enum(['complete', 'partial']).default('complete')
});
export type TImportMapping = z.infer<typeof ZImportMapping>;

/** Where each export column's cells come from in a file. */
export interface TImportPlan {
	columns: readonly TExportColumn[];
	/** Per export column: the file column's position, or -1 when the file has none. */
	positions: number[];
	/** Per export column: the translation of the file's values, if any. */
	values: (Record<string, string> | undefined)[];
	/** The file's header as written, for naming columns in problems. */
	header: string[];
	/** Set when the file has no status column (only under a mapping). */
	status?: 'complete' | 'partial';
	/** Set when the file has no response id column: the line number stands in (only under a mapping). */
	idFromLine: boolean;
}

export type THeaderIssue =
	| { code: 'missing_column'; column: string }
	| { code: 'unknown_column'; column: string }
	| { code: 'duplicate_column'; column: string }
	| { code: 'unknown_target'; column: string; target: string };

export type TPlanResult = { ok: true; plan: TImportPlan } | { ok: false; problems: THeaderIssue[] };

const cleanHeader = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

/**
 * The plan for reading a file. Without a mapping the file must be an export of this questionnaire: every
 * column present, none other (so a file of another questionnaire is refused, its foreign columns named).
 * With a mapping, columns it names go where it says; other columns must carry an export column's name;
 * export columns the file lacks are left empty.
 */
export function planImport(
	columns: readonly TExportColumn[],
	header: readonly string[],
	mapping?: TImportMapping
): TPlanResult {
	const names = header.map(cleanHeader);
	if (!mapping) {
		const matched = matchHeader(columns, names);
		if (!matched.ok) return { ok: false, problems: matched.problems };
		return {
			ok: true,
			plan: {
				columns,
				positions: matched.positions,
				values: columns.map(() => undefined),
				header: names,
				idFromLine: false
			}
		};
	}
	const known = new Map(columns.map((c, i) => [c.name, i]));
	const positions = columns.map(() => -1);
	const values: (Record<string, string> | undefined)[] = columns.map(() => undefined);
	const problems: THeaderIssue[] = [];
	const seen = new Set<string>();
	for (const [position, name] of names.entries()) {
		// A column without a header (spreadsheets often carry empty ones) has nothing to give.
		if (name === '') continue;
		if (seen.has(name)) {
			problems.push({ code: 'duplicate_column', column: name });
			continue;
		}
		seen.add(name);
		const target = Object.hasOwn(mapping.columns, name) ? mapping.columns[name] : name;
		if (target === '' || target === undefined) continue;
		const index = known.get(target);
		if (index === undefined) {
			problems.push(
				target === name
					? { code: 'unknown_column', column: name }
					: { code: 'unknown_target', column: name, target }
			);
		} else if (positions[index] !== -1) {
			problems.push({ code: 'duplicate_column', column: name });
		} else {
			positions[index] = position;
			values[index] = Object.hasOwn(mapping.values, name) ? mapping.values[name] : undefined;
		}
	}
	if (problems.length > 0) return { ok: false, problems };
	const meta = (name: string) => positions[known.get(name) ?? -1] ?? -1;
	return {
		ok: true,
		plan: {
			columns,
			positions,
			values,
			header: names,
			status: meta('status') === -1 ? mapping.status : undefined,
			idFromLine: meta('response_id') === -1
		}
	};
}

/** The header of the file column behind an export column (its own name when the file lacks it). */
export function fileColumnName(plan: TImportPlan, exportColumn: string): string {
	const index = plan.columns.findIndex((c) => c.name === exportColumn);
	const position = plan.positions[index] ?? -1;
	return position >= 0 ? (plan.header[position] ?? exportColumn) : exportColumn;
}

/** A file row as cells in export column order, its values translated by the mapping. */
export function planCells(plan: TImportPlan, line: number, row: readonly TReadCell[]): TReadCell[] {
	const cells = cellsInColumnOrder(plan.positions, row);
	return plan.columns.map((column, i) => {
		if (column.kind === 'meta' && plan.positions[i] === -1) {
			if (column.name === 'status' && plan.status) return plan.status;
			if (column.name === 'response_id' && plan.idFromLine) return `line-${line}`;
		}
		const cell = plan.positions[i] === -1 ? null : cells[i];
		const translate = plan.values[i];
		if (!translate || cell === null || cell === undefined) return cell;
		const key = String(cell instanceof Date ? cell.toISOString() : cell).trim();
		return Object.hasOwn(translate, key) ? translate[key] : cell;
	});
}

/** A file column as the mapping page shows it: its header and up to `MAX_DISTINCT` distinct values. */
export interface TFileColumn {
	name: string;
	/** Distinct non-blank values in file order, or null when there are more than `MAX_DISTINCT`. */
	distinct: string[] | null;
}

export const MAX_DISTINCT = 30;

/** What the mapping page pre-fills: the export column each file column most likely gives, and values. */
export function suggestMapping(
	questionnaire: TQuestionnaire,
	columns: readonly TExportColumn[],
	file: readonly TFileColumn[]
): TImportMapping {
	const byKey = new Map<string, string>();
	for (const c of columns) byKey.set(normaliseHeader(c.name), c.name);
	// A column headed by a question's text (as many tools export) is that question.
	for (const q of questionnaire.sections.flatMap((s) => s.questions)) {
		if (q.type === 'single' || q.type === 'scale' || q.type === 'text') {
			byKey.set(normaliseHeader(q.text.sv), q.code);
			if (q.text.en) byKey.set(normaliseHeader(q.text.en), q.code);
		}
	}
	const mapping: TImportMapping = { columns: {}, values: {}, status: 'complete' };
	const used = new Set<string>();
	for (const f of file) {
		const target = byKey.get(normaliseHeader(f.name));
		const taken = target !== undefined && used.has(target);
		mapping.columns[f.name] = target && !taken ? target : '';
		if (!target || taken) continue;
		used.add(target);
		const column = columns.find((c) => c.name === target);
		const values = column ? suggestValues(column, f.distinct ?? []) : {};
		if (Object.keys(values).length > 0) mapping.values[f.name] = values;
	}
	return mapping;
}

const YES = new Set(['1', 'x', 'ja', 'yes', 'true', 'sant', 'vald', 'selected']);
const NO = new Set(['0', 'nej', 'no', 'false', 'falskt']);

/** Values of a single-choice column matched to options by code or label; option flags as 1/0. */
export function suggestValues(column: TExportColumn, distinct: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const value of distinct) {
		const key = normaliseHeader(value);
		if (column.kind === 'single') {
			const option = column.options.find(
				(o) =>
					normaliseHeader(o.code) === key ||
					normaliseHeader(o.label.sv) === key ||
					(o.label.en !== undefined && normaliseHeader(o.label.en) === key)
			);
			if (option && option.code !== value) values[value] = option.code;
		} else if (column.kind === 'multi_option') {
			const flag =
				YES.has(key) || normaliseHeader(column.label.sv) === key || normaliseHeader(column.option) === key
					? '1'
					: NO.has(key)
						? '0'
						: undefined;
			if (flag !== undefined && flag !== value) values[value] = flag;
		}
	}
	return values;
}

/** Whether a name is one of the first columns every export has. */
export const isMetaColumn = (name: string) => (RESPONSE_META_COLUMNS as readonly string[]).includes(name);

/** A header problem as one English sentence, as the CLI prints it. */
export function describeHeaderIssue(issue: THeaderIssue): string {
	switch (issue.code) {
		case 'unknown_column':
			return `The column "${issue.column}" is not a column of this questionnaire's export (another questionnaire's file?); map it or remove it`;
		case 'missing_column':
			return `The column "${issue.column}" is missing (an export of this questionnaire has it)`;
		case 'duplicate_column':
			return `The column "${issue.column}" is given twice; keep one`;
		case 'unknown_target':
			return `The column "${issue.column}" is mapped to "${issue.target}", which is not a column of this questionnaire's export`;
	}
}
