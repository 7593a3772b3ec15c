/** Why a cell is refused: it would run as a formula in a spreadsheet, has control characters, or is too long. */
export type TCellProblem = 'formula' | 'control' | 'too_long';

export type TCheckedCell = { ok: true; value: string } | { ok: false; problem: TCellProblem };

// Spreadsheets run a cell starting with these as a formula when the data is exported and opened again
// (CSV injection); tab and carriage return are the OWASP list's invisible variants.
const FORMULA_START = /^[=+\-@\t\r]/;
// C0 controls (line breaks and tabs inside a cell are folded into spaces first), DEL, C1 controls, and the
// bidirectional overrides that can make a name display as something else.
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/**
 * A cell's value as stored: trimmed, line breaks and tabs inside it folded into single spaces. Refused if
 * it starts like a formula (before or after trimming), holds control characters, or exceeds `maxLength`.
 */
export function checkCell(raw: string, maxLength: number): TCheckedCell {
	if (FORMULA_START.test(raw)) return { ok: false, problem: 'formula' };
	const value = raw.replace(/[ \t]*[\r\n\t][\r\n\t ]*/g, ' ').trim();
	if (FORMULA_START.test(value)) return { ok: false, problem: 'formula' };
	if (CONTROL.test(value)) return { ok: false, problem: 'control' };
	if (value.length > maxLength) return { ok: false, problem: 'too_long' };
	return { ok: true, value };
}
