import { checkCell } from '../spreadsheet/check-cell.ts';
import { matchColumns } from '../spreadsheet/match-columns.ts';
import type { TRowProblem } from '../spreadsheet/row-problem.ts';
import { isBlankRow, type TTable } from '../spreadsheet/table.ts';

/** Accepted header names per column of an organisation import, English first. */
export const organisationColumns = {
	name: ['name', 'namn'],
	parent: ['parent', 'överordnad', 'tillhör', 'förälder'],
	code: ['code', 'kod', 'organisationskod']
} as const;

export const organisationLimits = { name: 200, parent: 200, code: 50 } as const;

export interface TOrganisationRow {
	line: number;
	name: string;
	parent: string;
	code: string | null;
}

export type TOrganisationRowsResult =
	| { ok: true; rows: TOrganisationRow[]; problems: TRowProblem[] }
	| { ok: false; problem: string };

type TKey = keyof typeof organisationColumns;
const keys = Object.keys(organisationColumns) as TKey[];

/**
 * Units to create from a table with the columns name, parent (code or name) and optionally code. Every row
 * with an unsafe cell, a missing name or parent, or a code given twice is reported; blank rows are skipped.
 */
export function readOrganisationRows(table: TTable): TOrganisationRowsResult {
	const columns = matchColumns(table.header, organisationColumns, ['code']);
	if (!columns.ok) return columns;
	const rows: TOrganisationRow[] = [];
	const problems: TRowProblem[] = [];
	const firstLineOfCode = new Map<string, number>();
	for (const { line, cells } of table.rows) {
		if (isBlankRow(cells)) continue;
		const values: Record<TKey, string> = { name: '', parent: '', code: '' };
		const before = problems.length;
		for (const key of keys) {
			const checked = checkCell(cells[columns.index[key]] ?? '', organisationLimits[key]);
			if (checked.ok) values[key] = checked.value;
			else
				problems.push({
					line,
					code: checked.problem,
					column: columns.labels[key],
					...(checked.problem === 'too_long' ? { other: organisationLimits[key] } : {})
				});
		}
		if (problems.length > before) continue;
		if (!values.name) problems.push({ line, code: 'name_missing', column: columns.labels.name });
		if (!values.parent) problems.push({ line, code: 'organisation_missing', column: columns.labels.parent });
		if (problems.length > before) continue;
		const code = values.code.toLowerCase();
		const earlier = firstLineOfCode.get(code);
		if (code && earlier !== undefined) {
			problems.push({
				line,
				code: 'duplicate_in_file',
				column: columns.labels.code,
				value: values.code,
				other: earlier
			});
			continue;
		}
		if (code) firstLineOfCode.set(code, line);
		rows.push({ line, name: values.name, parent: values.parent, code: values.code || null });
	}
	if (rows.length === 0 && problems.length === 0) {
		return { ok: false, problem: 'The file has a header row but no units below it' };
	}
	return { ok: true, rows, problems };
}
