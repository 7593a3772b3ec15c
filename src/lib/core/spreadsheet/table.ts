/** A sheet as read from a CSV or XLSX file: the header and the rows below it, each with its line number. */
export interface TTable {
	header: string[];
	rows: TTableRow[];
}

/** `line` is the row number a spreadsheet shows (the header is line 1); a quoted multi-line cell is one row. */
export interface TTableRow {
	line: number;
	cells: string[];
}

/** A file refused as a whole (encoding, size, structure), with a message the user can act on. */
export type TTableResult = { ok: true; table: TTable } | { ok: false; problem: string };

/** Most data rows an import takes: far above a region's managers, far below a memory risk. */
export const MAX_IMPORT_ROWS = 20_000;

/** Largest file an import reads (10 MiB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export const tooManyRows = (limit = MAX_IMPORT_ROWS) =>
	`The file has more than ${limit.toLocaleString('en')} rows; split it into files of at most ${limit.toLocaleString('en')} rows`;

export const tooManyBytes = (bytes: number, limit = MAX_IMPORT_BYTES) =>
	`The file is too large: ${bytes.toLocaleString('en')} bytes, and at most ${limit.toLocaleString('en')} are taken`;

/** Whether every cell of a row is blank (such rows are skipped, but keep their line numbers). */
export const isBlankRow = (cells: string[]) => cells.every((c) => c.trim() === '');
