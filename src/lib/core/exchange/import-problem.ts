import type { TCellProblemCode } from './response-columns.ts';

/** Why a row of a response import is refused. */
export type TImportProblemCode =
	| TCellProblemCode
	/** The respondent form refuses the answer (its message is `reason`). */
	| 'invalid_answer'
	/** An answer to a question that the row's own earlier answers hide. */
	| 'hidden_answer'
	| 'unknown_organisation'
	| 'ambiguous_organisation'
	| 'unknown_role_group'
	/** The same response id on an earlier line (`other`). */
	| 'duplicate_id'
	/** Imported before with other content. */
	| 'changed'
	/** The id of a response collected in this wave (the wave's own export). */
	| 'already_in_wave';

/** One refused cell (or row, for problems about the whole response), by the line a spreadsheet shows. */
export interface TImportProblem {
	line: number;
	/** The column's header as written in the file. */
	column: string;
	code: TImportProblemCode;
	/** The offending value (a length limit for `too_long`). */
	value: string;
	/** The respondent form's own message, for `invalid_answer`. */
	reason?: string;
	/** The earlier line with the same response id. */
	other?: number;
}

/** A problem as one English sentence, as the CLI prints it. */
export function describeImportProblem(p: TImportProblem): string {
	const where = `Line ${p.line}, column "${p.column}"`;
	const value = `"${p.value}"`;
	switch (p.code) {
		case 'missing':
			return `${where}: empty, and a value is needed`;
		case 'unknown_status':
			return `${where}: ${value} is not a status; use complete or partial`;
		case 'invalid_date':
			return `${where}: ${value} is not a date and time (use 2020-05-31T12:00:00Z)`;
		case 'unknown_option':
			return `${where}: ${value} is not one of the question's option codes`;
		case 'not_zero_or_one':
			return `${where}: ${value} is not 1 (chosen) or 0 (not chosen)`;
		case 'not_a_whole_number':
			return `${where}: ${value} is not a whole number`;
		case 'out_of_range':
			return `${where}: ${value} is outside the question's scale`;
		case 'too_long':
			return `${where}: longer than ${p.value} characters`;
		case 'text_without_option':
			return `${where}: a text for an option that is not chosen`;
		case 'invalid_answer':
			return `${where}: ${p.reason ?? 'not a valid answer'}`;
		case 'hidden_answer':
			return `${where}: answers a question that the row's own answers hide (its condition does not hold); clear the cell`;
		case 'unknown_organisation':
			return `${where}: no organisation with the code or name ${value} in this wave`;
		case 'ambiguous_organisation':
			return `${where}: several organisations are called ${value}; give the code instead`;
		case 'unknown_role_group':
			return `${where}: ${value} is not a role group of the questionnaire`;
		case 'duplicate_id':
			return `${where}: the response id ${value} is already on line ${p.other}`;
		case 'changed':
			return `${where}: the response ${value} was imported before with other answers; nothing is changed by an import`;
		case 'already_in_wave':
			return `${where}: ${value} is a response collected in this wave; import an export into another wave`;
	}
}
