import { m } from '../../paraglide/messages.js';
import { followUpParents } from '../questionnaire/follow-ups.ts';
import { t } from '../questionnaire/text.ts';
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

/** Whether the analyst's narrative ends by introducing what follows ("… fördelar sig så här:"). */
const endsInLeadIn = (markdown: string): boolean => markdown.trim().endsWith(':');

/**
 * One question's material: its summary, chart, table, narrative, themes and chosen quotes. A narrative
 * that ends in a colon is the lead-in of the chart and themes, so it goes before them and stands for the
 * generated "Svaren kunde grupperas enligt nedan:": one lead-in, not two in a row.
 */
function questionBlocks(
	q: TQuestionResult,
	input: TQuestionInput,
	caption: string,
	c: TReportInputs
): TReportBlock[] {
	const { lang, locale } = c;
	const narrative = narrativeBlocks(input.markdown);
	// No answers: the notice says it, without a count of zero above it.
	if (q.n === 0) return [{ kind: 'notice', text: m.report_question_no_answers({}, locale) }, ...narrative];
	const blocks: TReportBlock[] = [{ kind: 'paragraph', text: summary(q, c) }];
	const generated: TReportBlock[] = [];
	const chart = input.chart ? c.chart(q, lang, { theme: m.themes_theme_column({}, locale) }) : null;
	if (chart)
		generated.push({
			kind: 'figure',
			svg: chart.svg,
			alt: chart.alt,
			caption,
			table: chartTable(chart.table)
		});
	if (input.table && q.type !== 'text') {
		generated.push({
			kind: 'table',
			caption: m.report_table_caption({ question: caption }, locale),
			table: optionsTable(q, c)
		});
	}
	const themes = input.themes ? q.themes.filter((theme) => theme.count > 0) : [];
	const themeList: TReportBlock[] =
		themes.length === 0
			? []
			: [
					{
						kind: 'list',
						items: themes.map((theme) =>
							m.report_theme_item({ theme: theme.label, count: formatCount(theme.count, lang) }, locale)
						)
					}
				];
	if (narrative.length > 0 && endsInLeadIn(input.markdown) && generated.length + themeList.length > 0) {
		blocks.push(...narrative, ...generated, ...themeList);
	} else {
		blocks.push(...generated, ...narrative);
		if (themeList.length > 0)
			blocks.push({ kind: 'paragraph', text: m.report_themes_intro({}, locale) }, ...themeList);
	}
	const quoted = input.quotes.flatMap((id) => {
		const quote = c.quotes.find((x) => x.responseId === id && x.questionCode === q.code);
		return quote ? [{ kind: 'quote' as const, text: quote.text }] : [];
	});
	blocks.push(...quoted);
	return blocks;
}

/** The sentence that opens a follow-up's material inside its parent's subsection. */
function followUpLead(code: string, text: string, c: TReportInputs): string {
	const questions = c.questionnaire.sections.flatMap((s) => s.questions);
	const condition = questions.find((x) => x.code === code)?.showIf;
	const target = condition && questions.find((x) => x.code === condition.question);
	if (condition && target && (target.type === 'single' || target.type === 'multi')) {
		const labels = condition.in.flatMap((option) => {
			const found = target.options.find((o) => o.code === option);
			return found ? [t(found.label, c.lang)] : [];
		});
		const answers = new Intl.ListFormat(c.lang, { type: 'disjunction' }).format(labels);
		return m.report_follow_up_if({ answers, question: text }, c.locale);
	}
	return m.report_follow_up({ question: text }, c.locale);
}

/**
 * One subsection per topic: an included question that follows up none, headed by the analyst's heading,
 * the questionnaire's topic title or else the question text (the question text then stands under a
 * heading that is not it), with the material of its included follow-ups inside it, each opened by a
 * sentence naming it ("Följdfråga till dem som svarade Nej: Utveckla gärna."), never a subsection of
 * their own. A follow-up whose question is left out still sits under that question's heading.
 */
export function questionSections(
	c: TReportInputs,
	number: string,
	questions: TQuestionInput[]
): TReportSection[] {
	const results = reportScope(c);
	const parents = followUpParents(c.questionnaire);
	const all = c.questionnaire.sections.flatMap((s) => s.questions);
	const groups = new Map<string, TQuestionInput[]>();
	for (const input of questions) {
		if (!results.questions.some((r) => r.code === input.code)) continue;
		const key = parents.get(input.code) ?? input.code;
		groups.set(key, [...(groups.get(key) ?? []), input]);
	}
	return [...groups].map(([key, members], i): TReportSection => {
		const main = members.find((input) => input.code === key);
		const question = all.find((x) => x.code === key);
		const text =
			results.questions.find((r) => r.code === key)?.text ?? (question ? t(question.text, c.lang) : key);
		const topic = question?.topic ? t(question.topic, c.lang) : text;
		const title = main && main.title !== '' ? main.title : topic;
		const blocks: TReportBlock[] = [];
		for (const input of members) {
			const q = results.questions.find((r) => r.code === input.code);
			if (!q) continue;
			if (input === main) {
				if (title !== q.text) blocks.push({ kind: 'paragraph', text: q.text });
				blocks.push(...questionBlocks(q, input, title, c));
			} else {
				const caption = input.title !== '' ? input.title : `${title} – ${q.text}`;
				blocks.push({ kind: 'paragraph', text: followUpLead(q.code, q.text, c) });
				blocks.push(...questionBlocks(q, input, caption, c));
			}
		}
		return { number: `${number}.${i + 1}`, title, blocks, sections: [] };
	});
}
