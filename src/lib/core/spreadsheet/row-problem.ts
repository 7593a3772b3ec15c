import type { TCellProblem } from './check-cell.ts';

/** Why a row of an import is refused; every bad row is reported at once, none is imported. */
export type TRowProblemCode =
	| TCellProblem
	| 'name_missing'
	| 'email_missing'
	| 'email_invalid'
	| 'organisation_missing'
	| 'duplicate_in_file'
	| 'unknown_organisation'
	| 'ambiguous_organisation'
	| 'duplicate_in_wave'
	| 'code_taken'
	| 'name_taken';

export interface TRowProblem {
	/** The row number a spreadsheet shows (header = 1). */
	line: number;
	code: TRowProblemCode;
	/** The column's header as written in the file, for problems with one cell. */
	column?: string;
	/** The offending value, when showing it helps (never for cells with control characters). */
	value?: string;
	/** The earlier line holding the same value (duplicates), or the length limit (too long). */
	other?: number;
}

/** A row problem as one English sentence, as the CLI prints it. */
export function describeRowProblem(p: TRowProblem): string {
	const where = p.column ? `Line ${p.line}, column "${p.column}"` : `Line ${p.line}`;
	const value = `"${p.value ?? ''}"`;
	switch (p.code) {
		case 'formula':
			return `${where}: starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character`;
		case 'control':
			return `${where}: contains control characters; retype the cell`;
		case 'too_long':
			return `${where}: longer than ${p.other} characters`;
		case 'name_missing':
			return `${where}: the name is missing`;
		case 'email_missing':
			return `${where}: the e-mail address is missing`;
		case 'email_invalid':
			return `${where}: ${value} is not a valid e-mail address`;
		case 'organisation_missing':
			return `${where}: the organisation is missing`;
		case 'duplicate_in_file':
			return `${where}: ${value} is already on line ${p.other}`;
		case 'unknown_organisation':
			return `${where}: no organisation with the code or name ${value} here`;
		case 'ambiguous_organisation':
			return `${where}: several organisations are called ${value}; give the code instead`;
		case 'duplicate_in_wave':
			return `${where}: ${value} is already a participant in this wave`;
		case 'code_taken':
			return `${where}: the code ${value} is already used by another organisation`;
		case 'name_taken':
			return `${where}: there is already a unit called ${value} there`;
	}
}
