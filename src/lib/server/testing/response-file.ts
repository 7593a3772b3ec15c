import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
	responseColumns,
	responseToCells,
	type TResponseMeta,
	unprotectText
} from '../../core/exchange/response-columns.ts';
import { answerToRows, type TAnswerMap } from '../../core/questionnaire/answer.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';

/** One response of a test file: its meta (defaults: complete, no unit) and its answers. */
export interface TFileResponse extends Partial<TResponseMeta> {
	responseId: string;
	answers?: TAnswerMap;
}

/** The header and rows of a response file in the export layout, built by the export's own conversion. */
export function responseFileRows(questionnaire: TQuestionnaire, list: TFileResponse[]): string[][] {
	const columns = responseColumns(questionnaire);
	const questions = new Map(questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
	const rows = list.map((r) => {
		const meta: TResponseMeta = {
			organisationCode: null,
			organisation: null,
			role: null,
			roleGroup: null,
			status: 'complete',
			submittedAt: null,
			...r
		};
		const answerRows = Object.entries(r.answers ?? {}).flatMap(([code, answer]) => {
			const question = questions.get(code);
			return question ? answerToRows(question, answer) : [];
		});
		return responseToCells(columns, meta, answerRows).map((c) => (c === null ? '' : String(c)));
	});
	return [columns.map((c) => c.name), ...rows];
}

/** A table as CSV bytes the way Swedish Excel saves it (BOM, `;`, CRLF), or with `,` and no BOM. */
export function csvBytes(
	rows: string[][],
	options: { delimiter?: ';' | ','; bom?: boolean } = {}
): Uint8Array {
	const text = stringify(rows, { delimiter: options.delimiter ?? ';', record_delimiter: 'windows' });
	return new TextEncoder().encode(((options.bom ?? true) ? '\uFEFF' : '') + text);
}

/**
 * A table as an XLSX workbook: the values on the first sheet, and a second sheet the import ignores. Text
 * as the XLSX export writes it: literal, without the CSV's apostrophe against formulas.
 */
export async function xlsxBytes(rows: string[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('values');
	for (const row of rows) {
		sheet.addRow(row.map((c) => (/^-?\d+$/.test(c) && c.length < 10 ? Number(c) : unprotectText(c))));
	}
	workbook.addWorksheet('labels').addRow(['not read']);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
