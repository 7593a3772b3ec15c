import type { TLookupResult } from '../organisations/organisation-lookup.ts';
import {
	answerTo,
	answerToRows,
	rowsToAnswers,
	type TAnswer,
	type TAnswerMap,
	type TAnswerRow
} from '../questionnaire/answer.ts';
import type { TQuestion, TQuestionnaire, TSection } from '../questionnaire/definition.ts';
import { fieldName, otherFieldName, parseSectionForm } from '../questionnaire/parse-section-form.ts';
import { isQuestionVisible } from '../questionnaire/visibility.ts';
import { fileColumnName, planCells, type TImportPlan } from './import-mapping.ts';
import type { TImportProblem } from './import-problem.ts';
import { cellsToResponse, protectText, type TReadCell, unprotectText } from './response-columns.ts';

/** A response ready to store: its key in the file, its meta and its answer rows. */
export interface TImportedResponse {
	key: string;
	organisationId: string | null;
	role: string | null;
	roleGroup: string | null;
	status: 'partial' | 'complete';
	submittedAt: Date | null;
	rows: TAnswerRow[];
}

export type TImportedRow =
	| { ok: true; response: TImportedResponse }
	| { ok: false; problems: TImportProblem[] };

/** What reading the rows of one file needs, built once per import. */
export interface TImportReader {
	/** `literalText`: the file's text cells carry no formula protection to undo (XLSX). */
	read: (line: number, cells: readonly TReadCell[], options?: { literalText?: boolean }) => TImportedRow;
}

export interface ImportReaderOptions {
	questionnaire: TQuestionnaire;
	plan: TImportPlan;
	/** The wave's units by code or name. */
	findOrganisation: (codeOrName: string) => TLookupResult;
	/** The language of the respondent form's messages in problems. */
	lang: 'sv' | 'en';
}

/**
 * Reads imported rows as responses. Each cell is checked against its column (option codes, 0/1 flags, the
 * scale, lengths, status, dates); the answers are then validated page by page by the respondent form's own
 * parser (`parseSectionForm`) with the answers of earlier questions deciding the conditions, as when a
 * respondent answers. An answer to a question its own row hides is refused, not dropped, so that nothing
 * in a file is silently lost. Required questions are not enforced: an imported answer sheet is taken as it
 * was collected, and an unanswered question stays unanswered.
 */
export function importReader(options: ImportReaderOptions): TImportReader {
	const { questionnaire, plan, findOrganisation, lang } = options;
	const roleGroups = new Set(questionnaire.roleGroups.map((g) => g.code));
	// The form's required check is the one rule an import does not apply (see above).
	const sections: TSection[] = questionnaire.sections.map((s) => ({
		...s,
		questions: s.questions.map((q) => ({ ...q, required: false }))
	}));
	const firstColumn = new Map<string, string>();
	for (const c of plan.columns) {
		if (c.kind !== 'meta' && !firstColumn.has(c.question)) {
			firstColumn.set(c.question, fileColumnName(plan, c.name));
		}
	}
	const columnOf = (question: string) => firstColumn.get(question) ?? question;
	const metaIndex = new Map<string, number>(
		plan.columns.flatMap((c, i) => (c.kind === 'meta' ? [[c.name, i] as const] : []))
	);

	return {
		read: (line, row, readOptions) => {
			const planned = planCells(plan, line, row);
			// Literal text protected as the CSV export writes it, so that unprotectText below gives it back exactly.
			const cells = readOptions?.literalText
				? planned.map((cell) => (typeof cell === 'string' ? protectText(cell) : cell))
				: planned;
			const parsed = cellsToResponse(plan.columns, cells);
			// Units and role groups are checked on every row, also one with bad cells: all problems at once.
			const metaText = (name: string) => {
				const cell = cells[metaIndex.get(name) ?? -1];
				if (cell === null || cell === undefined) return null;
				const text = unprotectText(String(cell)).trim();
				return text === '' ? null : text;
			};
			const problems: TImportProblem[] = [];
			let organisationId: string | null = null;
			const code = metaText('organisation_code');
			const unit = code ?? metaText('organisation');
			if (unit !== null) {
				const found = findOrganisation(unit);
				if (found.found) organisationId = found.found.id;
				else {
					problems.push({
						line,
						column: fileColumnName(plan, code !== null ? 'organisation_code' : 'organisation'),
						code: found.reason === 'ambiguous' ? 'ambiguous_organisation' : 'unknown_organisation',
						value: unit
					});
				}
			}
			const roleGroup = metaText('role_group');
			if (roleGroup !== null && !roleGroups.has(roleGroup)) {
				problems.push({
					line,
					column: fileColumnName(plan, 'role_group'),
					code: 'unknown_role_group',
					value: roleGroup
				});
			}
			if (!parsed.ok) {
				const cellProblems = parsed.problems.map(
					(p): TImportProblem => ({
						line,
						column: fileColumnName(plan, p.column),
						code: p.code,
						value: p.value
					})
				);
				return { ok: false, problems: [...cellProblems, ...problems] };
			}
			const { meta } = parsed;
			const given = rowsToAnswers(questionnaire, parsed.rows);
			const accepted: TAnswerMap = {};
			for (const section of sections) {
				const form: Array<[string, string]> = [];
				// A condition on a question of the same page is decided by the row's answer to it.
				const onPage: TAnswerMap = {};
				for (const q of section.questions) {
					const answer = answerTo(given, q.code);
					if (!answer) continue;
					if (!isQuestionVisible(q, { ...accepted, ...onPage })) {
						problems.push({ line, column: columnOf(q.code), code: 'hidden_answer', value: describe(answer) });
						continue;
					}
					onPage[q.code] = answer;
					form.push(...formValues(q, answer));
				}
				if (form.length === 0) continue;
				const result = parseSectionForm({
					questionnaire,
					section,
					form,
					previous: accepted,
					mode: 'invite',
					lang
				});
				for (const error of result.errors) {
					problems.push({
						line,
						column: columnOf(error.question),
						code: 'invalid_answer',
						value: describe(answerTo(given, error.question)),
						reason: error.message
					});
				}
				Object.assign(accepted, result.answers);
			}
			if (problems.length > 0) return { ok: false, problems };
			const rows = questionnaire.sections
				.flatMap((s) => s.questions)
				.flatMap((q) => {
					const answer = answerTo(accepted, q.code);
					return answer ? answerToRows(q, answer) : [];
				});
			return {
				ok: true,
				response: {
					key: meta.responseId,
					organisationId,
					role: meta.role?.trim() || null,
					roleGroup,
					status: meta.status,
					submittedAt: meta.submittedAt,
					rows
				}
			};
		}
	};
}

/** An answer as the fields the respondent form posts. */
function formValues(q: TQuestion, answer: TAnswer): Array<[string, string]> {
	switch (answer.kind) {
		case 'single':
			return [[fieldName(q.code), answer.option]];
		case 'multi':
			return [
				...answer.options.map((o): [string, string] => [fieldName(q.code), o]),
				...(answer.other !== undefined ? [[otherFieldName(q.code), answer.other] as [string, string]] : [])
			];
		case 'scale':
			return [[fieldName(q.code), String(answer.value)]];
		case 'text':
			return [[fieldName(q.code), answer.value]];
	}
}

function describe(answer: TAnswer | undefined): string {
	if (!answer) return '';
	switch (answer.kind) {
		case 'single':
			return answer.option;
		case 'multi':
			return answer.options.join(', ');
		case 'scale':
			return String(answer.value);
		case 'text':
			return answer.value.length > 80 ? `${answer.value.slice(0, 80)}…` : answer.value;
	}
}
