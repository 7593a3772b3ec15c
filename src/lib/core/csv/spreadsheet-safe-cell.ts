// Spreadsheets run a cell that starts with = + - @ (or tab / carriage return, the invisible variants) as a
// formula when a CSV file is opened (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that would start a formula gets a leading
 * apostrophe, which spreadsheets show as text. Numbers are left alone (a negative number is a number).
 */
export function spreadsheetSafeCell(
	value: string | number | boolean | null
): string | number | boolean | null {
	return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
