import { z } from 'zod';
import { checkCell } from '../spreadsheet/check-cell.ts';
import { matchColumns } from '../spreadsheet/match-columns.ts';
import type { TRowProblem } from '../spreadsheet/row-problem.ts';
import { isBlankRow, type TTable } from '../spreadsheet/table.ts';

/** Accepted header names per column, English first (the one named in messages), then Swedish. */
export const participantColumns = {
	name: ['name', 'namn', 'fullständigt namn', 'för- och efternamn'],
	email: ['email', 'e-mail', 'e-post', 'epost', 'e-postadress', 'epostadress', 'mail', 'mejl'],
	title: ['title', 'titel', 'befattning', 'yrkestitel', 'roll', 'role'],
	organisation: ['organisation', 'organization', 'kommun', 'organisationskod', 'kommunkod']
} as const;

export const participantLimits = { name: 200, email: 254, title: 200, organisation: 200 } as const;

export const ZParticipantRow = z.object({
	name: z.string().min(1, 'name_missing'),
	email: z.string().min(1, 'email_missing').pipe(z.email('email_invalid')),
	title: z.string(),
	organisation: z.string().min(1, 'organisation_missing')
});
export type TParticipantRow = z.infer<typeof ZParticipantRow> & { line: number };

export type TParticipantRowsResult =
	| { ok: true; rows: TParticipantRow[]; problems: TRowProblem[] }
	| { ok: false; problem: string };

type TKey = keyof typeof participantColumns;
const keys = Object.keys(participantColumns) as TKey[];

/**
 * The participants in a table, and every problem with its rows (cells a spreadsheet would run as formulas,
 * control characters, over-long cells, missing or invalid values, an e-mail address given twice).
 * Blank rows are skipped. A header without the needed columns, or no rows at all, refuses the file.
 */
export function readParticipantRows(table: TTable): TParticipantRowsResult {
	const columns = matchColumns(table.header, participantColumns);
	if (!columns.ok) return columns;
	const rows: TParticipantRow[] = [];
	const problems: TRowProblem[] = [];
	const firstLineOfEmail = new Map<string, number>();
	for (const { line, cells } of table.rows) {
		if (isBlankRow(cells)) continue;
		const values: Partial<Record<TKey, string>> = {};
		const before = problems.length;
		for (const key of keys) {
			const checked = checkCell(cells[columns.index[key]] ?? '', participantLimits[key]);
			if (checked.ok) values[key] = checked.value;
			else
				problems.push({
					line,
					code: checked.problem,
					column: columns.labels[key],
					...(checked.problem === 'too_long' ? { other: participantLimits[key] } : {})
				});
		}
		if (problems.length > before) continue;
		const parsed = ZParticipantRow.safeParse(values);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const key = issue.path[0] as TKey;
				const code = issue.message as TRowProblem['code'];
				problems.push({
					line,
					code,
					column: columns.labels[key],
					...(code === 'email_invalid' ? { value: values.email } : {})
				});
			}
			continue;
		}
		const email = parsed.data.email.toLowerCase();
		const earlier = firstLineOfEmail.get(email);
		if (earlier !== undefined) {
			problems.push({
				line,
				code: 'duplicate_in_file',
				column: columns.labels.email,
				value: parsed.data.email,
				other: earlier
			});
			continue;
		}
		firstLineOfEmail.set(email, line);
		rows.push({ ...parsed.data, line });
	}
	if (rows.length === 0 && problems.length === 0) {
		return { ok: false, problem: 'The file has a header row but no participants below it' };
	}
	return { ok: true, rows, problems };
}
