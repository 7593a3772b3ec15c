import type { TQuestion, TQuestionnaire, TText } from '../questionnaire/definition.ts';
import { t } from '../questionnaire/text.ts';
import type { TExportColumn, TMetaColumnName } from './response-columns.ts';
import { spssNames } from './spss.ts';

/** What one export column holds: for analysts reading the data, and for SPSS users mapping names back. */
export interface TCodebookEntry {
	column: string;
	spssName: string;
	kind: TExportColumn['kind'];
	/** The question's section and code (null for the response's own columns). */
	section: string | null;
	question: string | null;
	/** The question type: single, multi, scale, text; `response` for the first columns. */
	type: TQuestion['type'] | 'response';
	label: string;
	/** The codes the column holds, with their SPSS number and label (choices and 0/1 columns). */
	values: { code: string; spss: number; label: string }[];
	min: number | null;
	max: number | null;
	maxLength: number | null;
	required: boolean;
	/** When the question is shown, e.g. `beslutskapacitet in (nej, vet_ej)`; null when always. */
	condition: string | null;
	dimension: string | null;
	reversed: boolean;
}

const META_LABELS: Record<TMetaColumnName, TText> = {
	response_id: { sv: 'Svarets id', en: 'Response id' },
	organisation_code: { sv: 'Organisationens kod', en: 'Organisation code' },
	organisation: { sv: 'Organisation', en: 'Organisation' },
	role: { sv: 'Roll (befattning)', en: 'Role (job title)' },
	role_group: { sv: 'Rollgrupp', en: 'Role group' },
	status: { sv: 'Status: complete (inskickat) eller partial (påbörjat)', en: 'Status: complete or partial' },
	submitted_at: { sv: 'Inskickat (UTC)', en: 'Submitted (UTC)' }
};
const FLAG_LABELS: Record<'chosen' | 'notChosen', TText> = {
	chosen: { sv: 'Vald', en: 'Chosen' },
	notChosen: { sv: 'Ej vald', en: 'Not chosen' }
};
const OTHER_TEXT: TText = { sv: 'text', en: 'text' };

/** The words SPSS value labels use for a multi-choice column's 0 and 1. */
export const flagLabels = (lang: 'sv' | 'en' = 'sv') => ({
	chosen: t(FLAG_LABELS.chosen, lang),
	notChosen: t(FLAG_LABELS.notChosen, lang)
});

/** The codebook of an export: one entry per column, in column order. */
export function buildCodebook(
	questionnaire: TQuestionnaire,
	columns: readonly TExportColumn[],
	lang: 'sv' | 'en' = 'sv'
): TCodebookEntry[] {
	const names = spssNames(columns);
	const where = new Map<string, { question: TQuestion; section: string }>();
	for (const s of questionnaire.sections)
		for (const q of s.questions) where.set(q.code, { question: q, section: s.code });
	const flags = flagLabels(lang);
	return columns.map((c, i) => entryOf(c, names[i] ?? c.name, where, flags, lang));
}

function entryOf(
	c: TExportColumn,
	spssName: string,
	where: Map<string, { question: TQuestion; section: string }>,
	flags: { chosen: string; notChosen: string },
	lang: 'sv' | 'en'
): TCodebookEntry {
	const entry: TCodebookEntry = {
		column: c.name,
		spssName,
		kind: c.kind,
		section: null,
		question: null,
		type: 'response',
		label: '',
		values: [],
		min: null,
		max: null,
		maxLength: null,
		required: false,
		condition: null,
		dimension: null,
		reversed: false
	};
	if (c.kind === 'meta') return { ...entry, label: t(META_LABELS[c.name], lang) };
	const found = where.get(c.question);
	if (!found) return entry;
	const q = found.question;
	const question: TCodebookEntry = {
		...entry,
		section: found.section,
		question: q.code,
		type: q.type,
		label: t(q.text, lang),
		required: q.required,
		condition: q.showIf ? `${q.showIf.question} in (${q.showIf.in.join(', ')})` : null,
		dimension: q.dimension ?? null,
		reversed: q.reversed
	};
	switch (c.kind) {
		case 'single':
			return {
				...question,
				values: c.options.map((o, k) => ({ code: o.code, spss: k + 1, label: t(o.label, lang) }))
			};
		case 'multi_option':
			return {
				...question,
				label: `${question.label}: ${t(c.label, lang)}`,
				values: [
					{ code: '0', spss: 0, label: flags.notChosen },
					{ code: '1', spss: 1, label: flags.chosen }
				]
			};
		case 'other_text': {
			const option = q.type === 'multi' ? q.options.find((o) => o.code === c.option) : undefined;
			const optionLabel = option ? t(option.label, lang) : c.option;
			return {
				...question,
				label: `${question.label}: ${optionLabel} (${t(OTHER_TEXT, lang)})`,
				maxLength: c.maxLength
			};
		}
		case 'scale':
			return { ...question, min: c.min, max: c.max };
		case 'text':
			return { ...question, maxLength: c.maxLength };
	}
}

/** The codebook as a flat table (header first) for CSV and spreadsheets. */
export function codebookTable(entries: readonly TCodebookEntry[]): (string | number | null)[][] {
	const header = [
		'column',
		'spss_name',
		'section',
		'question',
		'type',
		'label',
		'values',
		'spss_values',
		'min',
		'max',
		'max_length',
		'required',
		'condition',
		'dimension',
		'reversed'
	];
	return [
		header,
		...entries.map((e) => [
			e.column,
			e.spssName,
			e.section,
			e.question,
			e.type,
			e.label,
			e.values.map((v) => `${v.code}=${v.label}`).join(' | ') || null,
			e.values.map((v) => `${v.spss}=${v.code}`).join(' | ') || null,
			e.min,
			e.max,
			e.maxLength,
			e.required ? 1 : 0,
			e.condition,
			e.dimension,
			e.reversed ? 1 : 0
		])
	];
}
