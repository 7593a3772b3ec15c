import { CSV_SWEDISH, csvFile, type TCsvCell, type TCsvDialect } from '../csv/csv-dialect.ts';
import type { TQuestionResult, TWaveResults } from './wave-results-schema.ts';

const COLUMNS = [
	'group',
	'group_label',
	'suppressed',
	'question',
	'type',
	'n',
	'kind',
	'code',
	'label',
	'count',
	'percent',
	'ci95_low',
	'ci95_high',
	'mean',
	'median',
	'sd',
	'top_box_from',
	'top_box_count',
	'top_box_percent',
	'excluded'
] as const;

/**
 * A wave's results as CSV: one row per question and option (a scale's options are its values), per
 * theme and released answer of a free-text question, or one per question without any; repeated per breakdown group
 * (group empty = all respondents). A suppressed group is one row with no figures. Text cells that a
 * spreadsheet would run as a formula are neutralised.
 */
export function resultsToCsv(results: TWaveResults, dialect: TCsvDialect = CSV_SWEDISH): string {
	const rows: TCsvCell[][] = [];
	const groups = [
		{ group: '', label: '', suppressed: false, questions: results.questions },
		...(results.breakdown ?? []).map((g) => ({ ...g, group: g.group ?? '' }))
	];
	for (const g of groups) {
		if (g.suppressed) {
			rows.push([g.group, g.label, true, ...COLUMNS.slice(3).map(() => null)]);
			continue;
		}
		for (const q of g.questions) {
			const question = questionCells(q);
			const start = [g.group, g.label, false, q.code, q.type, q.n];
			for (const o of q.options) {
				rows.push([
					...start,
					'option',
					o.code,
					o.label,
					o.count,
					o.percent,
					o.ci95?.[0] ?? null,
					o.ci95?.[1] ?? null,
					...question
				]);
			}
			for (const t of q.themes)
				rows.push([...start, 'theme', null, t.label, t.count, null, null, null, ...question]);
			for (const text of q.released ?? [])
				rows.push([...start, 'released', null, text, null, null, null, null, ...question]);
			if (q.options.length === 0 && q.themes.length === 0 && (q.released ?? []).length === 0) {
				rows.push([...start, 'question', null, null, null, null, null, null, ...question]);
			}
		}
	}
	return csvFile([...COLUMNS], rows, dialect);
}

function questionCells(q: TQuestionResult): TCsvCell[] {
	return [
		q.mean,
		q.median,
		q.sd,
		q.topBox?.from ?? null,
		q.topBox?.count ?? null,
		q.topBox?.percent ?? null,
		q.excluded
	];
}
