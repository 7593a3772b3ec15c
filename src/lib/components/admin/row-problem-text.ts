import type { TRowProblem } from '#lib/core/spreadsheet/row-problem.ts';
import { m } from '#lib/paraglide/messages.js';

/** A bad row of an import as one sentence in the page's language. */
export function rowProblemText(p: TRowProblem): string {
	const where = p.column
		? m.people_problem_line_column({ line: p.line, column: p.column })
		: m.people_problem_line({ line: p.line });
	// The characters go in as a value: the message compiler reads an at sign in its text as a doc tag.
	const params = { where, value: p.value ?? '', other: p.other ?? 0, chars: '=, +, -, @' };
	const messages: Record<TRowProblem['code'], (x: typeof params) => string> = {
		formula: m.people_problem_formula,
		control: m.people_problem_control,
		too_long: m.people_problem_too_long,
		name_missing: m.people_problem_name_missing,
		email_missing: m.people_problem_email_missing,
		email_invalid: m.people_problem_email_invalid,
		organisation_missing: m.people_problem_organisation_missing,
		duplicate_in_file: m.people_problem_duplicate_in_file,
		unknown_organisation: m.people_problem_unknown_organisation,
		ambiguous_organisation: m.people_problem_ambiguous_organisation,
		duplicate_in_wave: m.people_problem_duplicate_in_wave,
		code_taken: m.people_problem_code_taken,
		name_taken: m.people_problem_name_taken
	};
	return messages[p.code](params);
}
