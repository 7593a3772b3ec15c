import { CSV_SWEDISH, csvFile, type TCsvCell, type TCsvDialect } from '../csv/csv-dialect.ts';
import type { TWaveChange } from './wave-change-schema.ts';

const COLUMNS = [
	'question',
	'type',
	'kind',
	'code',
	'label',
	'previous_n',
	'previous_count',
	'previous_percent',
	'current_n',
	'current_count',
	'current_percent',
	'previous_mean',
	'current_mean',
	'difference',
	'ci95_low',
	'ci95_high',
	'changed',
	'not_comparable'
] as const;

/**
 * The change between two waves as CSV: one row per question and option (kind `option`), the top box
 * and the mean of a scale (`top_box`, `mean`: a difference of means, no interval), and one row per
 * question asked in only one of the waves (`not_comparable`, with the reason).
 */
export function changeToCsv(change: TWaveChange, dialect: TCsvDialect = CSV_SWEDISH): string {
	const rows: TCsvCell[][] = [];
	for (const q of change.questions) {
		for (const o of q.options) {
			rows.push([
				q.code,
				q.type,
				'option',
				o.code,
				o.label,
				o.previous?.n ?? null,
				o.previous?.count ?? null,
				o.previous?.percent ?? null,
				o.current.n,
				o.current.count,
				o.current.percent,
				null,
				null,
				o.difference,
				o.ci95?.[0] ?? null,
				o.ci95?.[1] ?? null,
				o.changed,
				null
			]);
		}
		if (q.topBox) {
			const t = q.topBox;
			rows.push([
				q.code,
				q.type,
				'top_box',
				String(t.from),
				null,
				t.previous.n,
				t.previous.count,
				t.previous.percent,
				t.current.n,
				t.current.count,
				t.current.percent,
				null,
				null,
				t.difference,
				t.ci95?.[0] ?? null,
				t.ci95?.[1] ?? null,
				t.changed,
				null
			]);
		}
		if (q.mean) {
			rows.push([
				q.code,
				q.type,
				'mean',
				null,
				null,
				q.n.previous,
				null,
				null,
				q.n.current,
				null,
				null,
				q.mean.previous,
				q.mean.current,
				q.mean.difference,
				null,
				null,
				null,
				null
			]);
		}
	}
	for (const q of change.notComparable) {
		rows.push([q.code, null, 'not_comparable', ...COLUMNS.slice(3, -1).map(() => null), q.reason]);
	}
	return csvFile([...COLUMNS], rows, dialect);
}
