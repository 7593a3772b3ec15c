import { spreadsheetSafeCell } from '../csv/spreadsheet-safe-cell.ts';
import type { TAnswerRow } from '../questionnaire/answer.ts';
import type { TQuestion, TQuestionnaire, TText } from '../questionnaire/definition.ts';
import { t } from '../questionnaire/text.ts';

/**
 * The column layout of a response export (CSV, XLSX, SPSS) and the conversions between one response and
 * one row of cells, in both directions: the export writes rows, the import reads them back. One layout for
 * both keeps the round trip exact.
 */

/** The first columns of every export, in this order. */
export const RESPONSE_META_COLUMNS = [
	'response_id',
	'organisation_code',
	'organisation',
	'role',
	'role_group',
	'status',
	'submitted_at'
] as const;
export type TMetaColumnName = (typeof RESPONSE_META_COLUMNS)[number];

/** What a response carries besides its answers (nothing personal: no participant, name or e-mail). */
export interface TResponseMeta {
	/** The response's id in the file: our response id on export, the import key on import. */
	responseId: string;
	organisationCode: string | null;
	organisation: string | null;
	role: string | null;
	roleGroup: string | null;
	status: 'partial' | 'complete';
	submittedAt: Date | null;
}

/** One export column and how its cells are read and written. */
export type TExportColumn =
	| { kind: 'meta'; name: TMetaColumnName }
	/** Single choice: the option code. */
	| { kind: 'single'; name: string; question: string; options: { code: string; label: TText }[] }
	/** Multiple choice: 1 when the option is chosen, 0 when another is, empty when the question is unanswered. */
	| { kind: 'multi_option'; name: string; question: string; option: string; label: TText }
	/** The free text given with a multiple choice's "other" option. */
	| { kind: 'other_text'; name: string; question: string; option: string; maxLength: number }
	/** Scale: the whole number chosen. */
	| {
			kind: 'scale';
			name: string;
			question: string;
			min: number;
			max: number;
			/** The labels of the scale's ends ("Inte alls" … "I mycket hög grad"), when it has them. */
			minLabel?: TText;
			maxLabel?: TText;
	  }
	/** Free text. */
	| { kind: 'text'; name: string; question: string; maxLength: number };

export type TQuestionColumn = Exclude<TExportColumn, { kind: 'meta' }>;

/** A cell as written to a file (text already protected against formula injection) or read from one. */
export type TCell = string | number | null;

/** The maximum length of an "other" text in characters, as the respondent form allows. */
export const OTHER_TEXT_MAX_LENGTH = 500;

/**
 * The ordered export columns of a questionnaire: the meta columns, then the questions in questionnaire
 * order. Background questions have no column of their own: their answers are the organisation and role.
 */
export function responseColumns(questionnaire: TQuestionnaire): TExportColumn[] {
	const columns: TExportColumn[] = RESPONSE_META_COLUMNS.map((name) => ({ kind: 'meta', name }));
	for (const q of questionnaire.sections.flatMap((s) => s.questions)) columns.push(...questionColumns(q));
	return columns;
}

function questionColumns(q: TQuestion): TQuestionColumn[] {
	switch (q.type) {
		case 'single':
			return [
				{
					kind: 'single',
					name: q.code,
					question: q.code,
					options: q.options.map((o) => ({ code: o.code, label: o.label }))
				}
			];
		case 'multi':
			return q.options.flatMap((o): TQuestionColumn[] => {
				const flag: TQuestionColumn = {
					kind: 'multi_option',
					name: `${q.code}.${o.code}`,
					question: q.code,
					option: o.code,
					label: o.label
				};
				if (!o.other) return [flag];
				return [
					flag,
					{
						kind: 'other_text',
						name: `${q.code}.${o.code}.text`,
						question: q.code,
						option: o.code,
						maxLength: OTHER_TEXT_MAX_LENGTH
					}
				];
			});
		case 'scale':
			return [
				{
					kind: 'scale',
					name: q.code,
					question: q.code,
					min: q.min,
					max: q.max,
					...(q.minLabel ? { minLabel: q.minLabel } : {}),
					...(q.maxLabel ? { maxLabel: q.maxLabel } : {})
				}
			];
		case 'text':
			return [{ kind: 'text', name: q.code, question: q.code, maxLength: q.maxLength }];
		case 'background':
			return [];
	}
}

/**
 * A text cell as exported: text that a spreadsheet would run as a formula gets a leading apostrophe, and so
 * does text that already starts with one, so that `unprotectText` can always remove exactly one.
 */
export function protectText(value: string): string {
	if (value.startsWith("'")) return `'${value}`;
	return spreadsheetSafeCell(value) as string;
}

/** The text a protected cell stands for (the inverse of `protectText`). */
export function unprotectText(value: string): string {
	return value.startsWith("'") ? value.slice(1) : value;
}

/** A timestamp as exported: ISO 8601 in UTC, to the second. */
export function formatTimestamp(value: Date): string {
	return `${value.toISOString().slice(0, 19)}Z`;
}

const metaCell = (meta: TResponseMeta, name: TMetaColumnName): TCell => {
	const text = (value: string | null) => (value === null ? null : protectText(value));
	switch (name) {
		case 'response_id':
			return text(meta.responseId);
		case 'organisation_code':
			return text(meta.organisationCode);
		case 'organisation':
			return text(meta.organisation);
		case 'role':
			return text(meta.role);
		case 'role_group':
			return text(meta.roleGroup);
		case 'status':
			return meta.status;
		case 'submitted_at':
			return meta.submittedAt ? formatTimestamp(meta.submittedAt) : null;
	}
};

/** Answer rows grouped by question code, for the cells of one response. */
function indexRows(rows: readonly TAnswerRow[]): Map<string, TAnswerRow[]> {
	const byQuestion = new Map<string, TAnswerRow[]>();
	for (const r of rows) {
		const list = byQuestion.get(r.questionCode);
		if (list) list.push(r);
		else byQuestion.set(r.questionCode, [r]);
	}
	return byQuestion;
}

/** One response as a row of cells in column order; unanswered questions are empty (null). */
export function responseToCells(
	columns: readonly TExportColumn[],
	meta: TResponseMeta,
	rows: readonly TAnswerRow[]
): TCell[] {
	const byQuestion = indexRows(rows);
	return columns.map((c) => (c.kind === 'meta' ? metaCell(meta, c.name) : answerCell(c, byQuestion)));
}

function answerCell(c: TQuestionColumn, byQuestion: Map<string, TAnswerRow[]>): TCell {
	const answer = byQuestion.get(c.question);
	if (!answer || answer.length === 0) return null;
	switch (c.kind) {
		case 'single':
			return answer[0]?.optionCode ?? null;
		case 'multi_option':
			return answer.some((r) => r.optionCode === c.option) ? 1 : 0;
		case 'other_text': {
			const text = answer.find((r) => r.optionCode === c.option)?.valueText;
			return text == null ? null : protectText(text);
		}
		case 'scale':
			return answer[0]?.valueNum ?? null;
		case 'text': {
			const text = answer[0]?.valueText;
			return text == null ? null : protectText(text);
		}
	}
}

/** Why a cell of an imported row is refused. */
export type TCellProblemCode =
	| 'missing'
	| 'unknown_status'
	| 'invalid_date'
	| 'unknown_option'
	| 'not_zero_or_one'
	| 'not_a_whole_number'
	| 'out_of_range'
	| 'too_long'
	| 'text_without_option';

export interface TResponseCellProblem {
	/** The column's name (the header in the file). */
	column: string;
	code: TCellProblemCode;
	/** The offending value as text. */
	value: string;
}

export type TParsedResponse =
	| { ok: true; meta: TResponseMeta; rows: TAnswerRow[] }
	| { ok: false; problems: TResponseCellProblem[] };

/** A cell read from CSV (text) or XLSX (text, number, date); empty text and blanks are empty. */
export type TReadCell = string | number | boolean | Date | null | undefined;

const asText = (cell: TReadCell): string | null => {
	if (cell === null || cell === undefined) return null;
	if (cell instanceof Date) return formatTimestamp(cell);
	const text = String(cell);
	return text.trim() === '' ? null : text;
};

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * One row of cells (in column order, as `responseToCells` writes them) back to a response: its meta and its
 * answer rows in the storage format. Every bad cell is reported; an organisation code is not looked up
 * here (the import knows the organisations).
 */
export function cellsToResponse(
	columns: readonly TExportColumn[],
	cells: readonly TReadCell[]
): TParsedResponse {
	const problems: TResponseCellProblem[] = [];
	const problem = (column: string, code: TCellProblemCode, value: string) =>
		problems.push({ column, code, value });
	const meta: TResponseMeta = {
		responseId: '',
		organisationCode: null,
		organisation: null,
		role: null,
		roleGroup: null,
		status: 'partial',
		submittedAt: null
	};
	const rows: TAnswerRow[] = [];
	const multi = new Map<string, { chosen: Set<string>; other: Map<string, string> }>();
	const multiOf = (question: string) => {
		let entry = multi.get(question);
		if (!entry) {
			entry = { chosen: new Set(), other: new Map() };
			multi.set(question, entry);
		}
		return entry;
	};

	columns.forEach((c, i) => {
		const raw = cells[i];
		const text = asText(raw);
		if (c.kind === 'meta') {
			const value = text === null ? null : unprotectText(text);
			switch (c.name) {
				case 'response_id':
					if (value === null || value.trim() === '') problem(c.name, 'missing', '');
					else meta.responseId = value.trim();
					return;
				case 'organisation_code':
					meta.organisationCode = value?.trim() || null;
					return;
				case 'organisation':
					meta.organisation = value?.trim() || null;
					return;
				case 'role':
					meta.role = value;
					return;
				case 'role_group':
					meta.roleGroup = value?.trim() || null;
					return;
				case 'status':
					if (value === 'partial' || value === 'complete') meta.status = value;
					else problem(c.name, value === null ? 'missing' : 'unknown_status', value ?? '');
					return;
				case 'submitted_at': {
					if (value === null) return;
					const date = ISO_TIMESTAMP.test(value.trim()) ? new Date(value.trim()) : null;
					if (!date || Number.isNaN(date.getTime())) problem(c.name, 'invalid_date', value);
					else meta.submittedAt = date;
					return;
				}
			}
		}
		if (text === null) return;
		switch (c.kind) {
			case 'single': {
				const code = text.trim();
				if (!c.options.some((o) => o.code === code)) problem(c.name, 'unknown_option', text);
				else rows.push({ questionCode: c.question, optionCode: code, valueNum: null, valueText: null });
				return;
			}
			case 'multi_option': {
				const flag = text.trim();
				if (flag !== '0' && flag !== '1') {
					problem(c.name, 'not_zero_or_one', text);
					return;
				}
				if (flag === '1') multiOf(c.question).chosen.add(c.option);
				return;
			}
			case 'other_text': {
				const value = unprotectText(text);
				if ([...value].length > c.maxLength) {
					problem(c.name, 'too_long', String(c.maxLength));
					return;
				}
				multiOf(c.question).other.set(c.option, value);
				return;
			}
			case 'scale': {
				const number = Number(text.trim().replace(',', '.'));
				if (!Number.isInteger(number)) problem(c.name, 'not_a_whole_number', text);
				else if (number < c.min || number > c.max) problem(c.name, 'out_of_range', text);
				else rows.push({ questionCode: c.question, optionCode: '', valueNum: number, valueText: null });
				return;
			}
			case 'text': {
				const value = unprotectText(text);
				if ([...value].length > c.maxLength) problem(c.name, 'too_long', String(c.maxLength));
				else rows.push({ questionCode: c.question, optionCode: '', valueNum: null, valueText: value });
				return;
			}
		}
	});

	for (const [question, entry] of multi) {
		for (const [option, text] of entry.other) {
			if (!entry.chosen.has(option)) problem(`${question}.${option}.text`, 'text_without_option', text);
		}
		// Options in column (questionnaire) order, as the respondent form stores them.
		for (const c of columns) {
			if (c.kind === 'multi_option' && c.question === question && entry.chosen.has(c.option)) {
				rows.push({
					questionCode: question,
					optionCode: c.option,
					valueNum: null,
					valueText: entry.other.get(c.option) ?? null
				});
			}
		}
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, meta, rows };
}

export type THeaderProblem =
	| { code: 'missing_column'; column: string }
	| { code: 'unknown_column'; column: string }
	| { code: 'duplicate_column'; column: string };

/**
 * Where each export column sits in a file's header row (columns may come in any order). Missing, unknown
 * and repeated columns are problems: a file of another questionnaire does not fit.
 */
export function matchHeader(
	columns: readonly TExportColumn[],
	header: readonly string[]
): { ok: true; positions: number[] } | { ok: false; problems: THeaderProblem[] } {
	const problems: THeaderProblem[] = [];
	const at = new Map<string, number>();
	header.forEach((raw, i) => {
		const name = raw.replace(/^\uFEFF/, '').trim();
		if (at.has(name)) problems.push({ code: 'duplicate_column', column: name });
		else at.set(name, i);
	});
	const known = new Set(columns.map((c) => c.name));
	for (const name of at.keys()) if (!known.has(name)) problems.push({ code: 'unknown_column', column: name });
	const positions = columns.map((c) => {
		const i = at.get(c.name);
		if (i === undefined) problems.push({ code: 'missing_column', column: c.name });
		return i ?? -1;
	});
	return problems.length > 0 ? { ok: false, problems } : { ok: true, positions };
}

/** A file row reordered into column order with the positions from `matchHeader`. */
export function cellsInColumnOrder(positions: readonly number[], row: readonly TReadCell[]): TReadCell[] {
	return positions.map((p) => row[p]);
}

/**
 * A cell as the labels sheet shows it: a single choice's option label, a chosen multiple-choice option's
 * label (empty when not chosen), everything else as it is.
 */
export function cellLabel(column: TExportColumn, cell: TCell, lang: 'sv' | 'en' = 'sv'): TCell {
	const label = (text: TText) => protectText(t(text, lang));
	if (column.kind === 'single' && typeof cell === 'string') {
		const option = column.options.find((o) => o.code === cell);
		return option ? label(option.label) : cell;
	}
	if (column.kind === 'multi_option' && cell !== null) return cell === 1 ? label(column.label) : null;
	return cell;
}
