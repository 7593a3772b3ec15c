import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_PLAIN } from '../csv/csv-dialect.ts';
import { formatMean } from '../statistics/format-number.ts';
import { builtInTemplate, questionOf } from '../testing/questionnaires.ts';
import { formatQuestionResult } from './format-question-result.ts';
import type { TResultQuestion } from './question-figures.ts';
import { resultsToCsv } from './results-to-csv.ts';
import type { TWaveResults } from './wave-results-schema.ts';

const template = builtInTemplate();
const behov = questionOf(template, 'behov') as TResultQuestion;
const figures = {
	n: 4,
	counts: new Map([
		['7', 2],
		['9', 1],
		['10', 1]
	]),
	// 8.449 rounds once, to 8.4: rounding to 8.45 first would have given 8.5 on a page.
	scale: { mean: 8.449, median: 8, sd: 1.2583, topCount: 4, excluded: 0 },
	themes: new Map<string, number>()
};

describe('formatQuestionResult', () => {
	it('rounds a scale mean, median and SD once to one decimal, as every output shows them', () => {
		const q = formatQuestionResult(behov, figures, 'sv');
		expect(q).toMatchObject({ n: 4, mean: 8.4, median: 8, sd: 1.3 });
		expect(formatMean(q.mean, 'sv')).toBe('8,4');
		expect(q.options.find((o) => o.code === '7')).toMatchObject({ count: 2, percent: 50 });
	});

	it('gives no figures without a base, never NaN', () => {
		const q = formatQuestionResult(behov, undefined, 'en');
		expect(q).toMatchObject({ n: 0, mean: null, median: null, sd: null });
		expect(q.options.every((o) => o.percent === null && o.ci95 === null)).toBe(true);
	});
});

describe('resultsToCsv', () => {
	const question = formatQuestionResult(behov, figures, 'sv');
	const results = {
		questions: [question],
		breakdown: [
			{ group: '2580', label: '=HYPERLINK("x")', n: 4, suppressed: false, questions: [question] },
			{ group: '2584', label: 'Kiruna', n: null, suppressed: true, questions: [] }
		]
	} as unknown as TWaveResults;
	const rows: Array<Record<string, string>> = parse(resultsToCsv(results), {
		columns: true,
		bom: true,
		delimiter: ';'
	});

	it('writes one row per option of each group, with the same one-decimal mean as the pages', () => {
		const overall = rows.filter((r) => r.group === '' && r.kind === 'option');
		expect(overall).toHaveLength(question.options.length);
		expect(overall.find((r) => r.code === '7')).toMatchObject({
			count: '2',
			percent: '50',
			mean: '8,4',
			sd: '1,3'
		});
	});

	it('writes plain CSV when asked: commas, decimal points, no byte order mark', () => {
		const text = resultsToCsv(results, CSV_PLAIN);
		expect(text.startsWith('group,group_label,suppressed,')).toBe(true);
		const plain: Array<Record<string, string>> = parse(text, { columns: true });
		expect(plain.find((r) => r.group === '' && r.code === '7')).toMatchObject({ mean: '8.4', sd: '1.3' });
	});

	it('writes a suppressed group as one row without figures, and neutralises formulas', () => {
		expect(rows.filter((r) => r.group === '2584')).toEqual([
			expect.objectContaining({ suppressed: 'true', question: '', n: '', mean: '' })
		]);
		expect(rows.find((r) => r.group === '2580')?.group_label?.startsWith('=')).toBe(false);
	});
});
