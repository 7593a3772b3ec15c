import type { THeaderIssue } from '#lib/core/exchange/import-mapping.ts';
import type { TImportProblem } from '#lib/core/exchange/import-problem.ts';
import { m } from '#lib/paraglide/messages.js';

type TParams = { where: string; value: string; other: number; reason: string };

const problemMessages: Record<TImportProblem['code'], (p: TParams) => string> = {
	missing: m.import_problem_missing,
	unknown_status: m.import_problem_unknown_status,
	invalid_date: m.import_problem_invalid_date,
	unknown_option: m.import_problem_unknown_option,
	not_zero_or_one: m.import_problem_not_zero_or_one,
	not_a_whole_number: m.import_problem_not_a_whole_number,
	out_of_range: m.import_problem_out_of_range,
	too_long: m.import_problem_too_long,
	text_without_option: m.import_problem_text_without_option,
	invalid_answer: m.import_problem_invalid_answer,
	hidden_answer: m.import_problem_hidden_answer,
	unknown_organisation: m.import_problem_unknown_organisation,
	ambiguous_organisation: m.import_problem_ambiguous_organisation,
	unknown_role_group: m.import_problem_unknown_role_group,
	duplicate_id: m.import_problem_duplicate_id,
	changed: m.import_problem_changed,
	already_in_wave: m.import_problem_already_in_wave
};

/** A refused cell of a response import as one sentence in the page's language. */
export function importProblemText(p: TImportProblem): string {
	const where = m.people_problem_line_column({ line: p.line, column: p.column });
	return problemMessages[p.code]({ where, value: p.value, other: p.other ?? 0, reason: p.reason ?? '' });
}

/** A header that does not fit the questionnaire, as one sentence in the page's language. */
export function headerIssueText(issue: THeaderIssue): string {
	switch (issue.code) {
		case 'unknown_column':
			return m.import_header_unknown_column({ column: issue.column });
		case 'missing_column':
			return m.import_header_missing_column({ column: issue.column });
		case 'duplicate_column':
			return m.import_header_duplicate_column({ column: issue.column });
		case 'unknown_target':
			return m.import_header_unknown_target({ column: issue.column, target: issue.target });
	}
}
