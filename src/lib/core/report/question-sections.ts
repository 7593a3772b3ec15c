import { m } from '../../paraglide/messages.js';
import type { TQuestionResult } from '../results/wave-results-schema.ts';
import { formatPercentInterval } from '../statistics/format-interval.ts';
import { formatCount, formatMean, formatPercent } from '../statistics/format-number.ts';
import type { TReportBlock, TReportSection, TReportTable } from './document.ts';
import type { TQuestionInput } from './report-definition.ts';
import { narrativeBlocks, reportScope, type TReportChart, type TReportInputs } from './report-inputs.ts';

function chartTable(table: TReportChart['table']): TReportTable {
	const rows = table.footer ? [...table.rows, table.footer] : table.rows;
	return { head: table.columns, rows, numeric: table.columns.map((_, i) => i > 0) };
}

function summary(q: TQuestionResult, c: TReportInputs): string {
	const { lang, locale } = c;
	if (q.type === 'text') return m.report_question_answers({ n: formatCount(q.n, lang) }, locale);
	const parts = [`n = ${formatCount(q.n, lang)}`];
	if (q.type === 'scale' && q.mean !== null) {
		parts.push(m.report_question_mean({ mean: formatMean(q.mean, lang) }, locale));
		if (q.median !== null)
			parts.push(m.report_question_median({ median: formatMean(q.median, lang) }, locale));
		if (q.topBox?.percent != null)
			parts.push(
				m.report_question_top_box(
					{ from: formatCount(q.topBox.from, lang), percent: formatPercent(q.topBox.percent, lang) },
					locale
				)
			);
	}
	return parts.join(' · ');
}

function optionsTable(q: TQuestionResult, c: TReportInputs): TReportTable {
	const { lang, locale } = c;
	const regional = c.own ? c.region.questions.find((r) => r.code === q.code) : undefined;
	const head = [
		m.report_answer({}, locale),
		m.report_count({}, locale),
		m.report_percent({}, locale),
		m.report_interval({}, locale)
	];
	if (c.own) head.push(m.report_region_percent({ region: c.regionName }, locale));
	const rows = q.options.map((o) => {
		const cells = [
			o.label,
			formatCount(o.count, lang),
			o.percent === null ? '–' : formatPercent(o.percent, lang),
			formatPercentInterval(o.ci95, lang)
		];
		if (c.own) {
			const r = regional?.options.find((x) => x.code === o.code);
			cells.push(r?.percent == null ? '–' : formatPercent(r.percent, lang));
		}
		return cells;
	});
	const footer = ['n', formatCount(q.n, lang), '', ''];
	if (c.own) footer.push(regional ? formatCount(regional.n, lang) : '–');
	return { head, rows: [...rows, footer], numeric: head.map((_, i) => i > 0) };
}

/**
 * The one notice that stands for every question while no one in the report's scope has answered (an
 * empty wave), instead of a subsection per question each saying so; null once there are answers.
 */
export function noResponsesNotice(c: TReportInputs): TReportBlock | null {
	const results = reportScope(c);
	return results.questions.every((q) => q.n === 0)
		? { kind: 'notice', text: m.report_no_responses({}, c.locale) }
		: null;
}

/**
 * One subsection per included question: its summary, chart, table, narrative, themes and chosen quotes.
 */
export function questionSections(
	c: TReportInputs,
	number: string,
	questions: TQuestionInput[]
): TReportSection[] {
	const { lang, locale } = c;
	const results = reportScope(c);
	let index = 0;
	return questions.flatMap((input): TReportSection[] => {
		const q = results.questions.find((r) => r.code === input.code);
		if (!q) return [];
		index++;
		const title = input.title !== '' ? input.title : q.text;
		const blocks: TReportBlock[] = [{ kind: 'paragraph', text: summary(q, c) }];
		if (q.n === 0) blocks.push({ kind: 'notice', text: m.report_question_no_answers({}, locale) });
		else {
			const chart = input.chart ? c.chart(q, lang, { theme: m.themes_theme_column({}, locale) }) : null;
			if (chart)
				blocks.push({
					kind: 'figure',
					svg: chart.svg,
					alt: chart.alt,
					caption: title,
					table: chartTable(chart.table)
				});
			if (input.table && q.type !== 'text') {
				blocks.push({
					kind: 'table',
					caption: m.report_table_caption({ question: title }, locale),
					table: optionsTable(q, c)
				});
			}
		}
		blocks.push(...narrativeBlocks(input.markdown));
		const themes = q.themes.filter((theme) => theme.count > 0);
		if (input.themes && themes.length > 0) {
			blocks.push({ kind: 'paragraph', text: m.report_themes_intro({}, locale) });
			blocks.push({
				kind: 'list',
				items: themes.map((theme) =>
					m.report_theme_item({ theme: theme.label, count: formatCount(theme.count, lang) }, locale)
				)
			});
		}
		const quoted = input.quotes.flatMap((id) => {
			const quote = c.quotes.find((x) => x.responseId === id && x.questionCode === q.code);
			return quote ? [{ kind: 'quote' as const, text: quote.text }] : [];
		});
		blocks.push(...quoted);
		return [{ number: `${number}.${index}`, title, blocks, sections: [] }];
	});
}
