import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TMaturityProfile } from '../../core/maturity/maturity-profile.ts';
import type { TWaveMaturity } from '../../core/maturity/wave-maturity.ts';
import { t } from '../../core/questionnaire/text.ts';
import type {
	TReportBlock,
	TReportDocument,
	TReportSection,
	TReportTable
} from '../../core/report/document.ts';
import {
	fillKeyFigure,
	type TKeyFigureInput,
	type TQuestionInput,
	ZReportDefinition
} from '../../core/report/report-definition.ts';
import type { TGroupResult, TQuestionResult, TWaveResults } from '../../core/results/wave-results-schema.ts';
import { formatPercentInterval } from '../../core/statistics/format-interval.ts';
import { formatMean, formatNumber, formatPercent } from '../../core/statistics/format-number.ts';
import { m } from '../../paraglide/messages.js';
import { scoreText } from '../charts/chart-text.ts';
import { questionChart } from '../charts/question-chart.ts';
import type { TChartTable } from '../charts/render-chart-svg.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { computeMaturity } from '../results/compute-maturity.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { preloadDisclosure } from '../results/load-disclosure.ts';
import { getWave } from '../waves/get-wave.ts';
import { findReportableOrganisation, type TReportOrganisation } from './find-reportable-organisation.ts';
import { listRespondentTitles } from './list-respondent-titles.ts';
import { loadReportQuotes, type TReportQuote } from './load-report-quotes.ts';

export const ZResolveReportOptions = z.object({
	slug: z.string().min(1).max(100),
	/** Code (or id) of one organisation: the same report for it, against the whole wave. */
	organisation: z.string().min(1).max(100).optional(),
	/** "Utkast" for a draft, or the version number. */
	version: z.string().max(40),
	/** ISO date of publication; null for a draft. */
	publishedOn: z.iso.date().nullable()
});
export type TResolveReportOptions = z.input<typeof ZResolveReportOptions>;

type TLang = 'sv' | 'en';

interface TContext {
	lang: TLang;
	locale: { locale: TLang };
	k: number;
	region: TWaveResults;
	/** The organisation's results when the report is for one; null for the whole wave. */
	own: TWaveResults | null;
	organisation: TReportOrganisation | null;
	regionName: string;
	maturity: { region: TWaveMaturity; own: TWaveMaturity | null } | null;
	roles: TGroupResult[];
	titles: string[];
	quotes: TReportQuote[];
}

/**
 * A report definition resolved against the wave's data into the document the renderers take: every
 * figure from the results engine (charts, tables, themes, key figures, maturity), formatted in the
 * report's language. For one organisation, its figures beside the whole wave's; refused when that unit
 * is too small to show (see findReportableOrganisation). Groups below k show no figures; quotes appear
 * only while marked quotable.
 */
export async function resolveReport(
	db: TDb,
	definitionInput: unknown,
	options: TResolveReportOptions
): Promise<TReportDocument> {
	const definition = ZReportDefinition.parse(definitionInput);
	const input = ZResolveReportOptions.parse(options);
	const lang = definition.lang;
	const wave = await getWave(db, input.slug);
	// One load of the small-group rule's blocks for the up to six engine calls below.
	const disclosure = await preloadDisclosure(db, wave, { partial: false });
	const organisation = input.organisation
		? await findReportableOrganisation(db, wave.slug, input.organisation, wave.minGroupSize, disclosure)
		: null;
	const [region, own, roleResults, titles, ownerName] = await Promise.all([
		getWaveResults(db, { slug: wave.slug, lang }, disclosure),
		organisation
			? getWaveResults(db, { slug: wave.slug, organisation: organisation.id, lang }, disclosure)
			: null,
		getWaveResults(db, { slug: wave.slug, organisation: organisation?.id, by: 'role', lang }, disclosure),
		organisation ? Promise.resolve([]) : listRespondentTitles(db, wave.id),
		wave.ownerOrganisationId ? organisationName(db, wave.ownerOrganisationId) : Promise.resolve(null)
	]);
	let maturity: TContext['maturity'] = null;
	if (definition.maturity) {
		const regionMaturity = await computeMaturity(db, { slug: wave.slug }, disclosure);
		if (regionMaturity) {
			const ownMaturity = organisation
				? await computeMaturity(db, { slug: wave.slug, organisationIds: organisation.ids }, disclosure)
				: null;
			maturity = { region: regionMaturity, own: ownMaturity };
		}
	}
	const included = definition.questions.filter((q) => q.included);
	const quotes = await loadReportQuotes(
		db,
		wave.id,
		included.map((q) => ({ questionCode: q.code, responseIds: q.quotes })),
		organisation?.ids
	);
	const context: TContext = {
		lang,
		locale: { locale: lang },
		k: wave.minGroupSize,
		region,
		own,
		organisation,
		regionName: ownerName || definition.meta.organisation || wave.name,
		maturity,
		roles: roleResults.breakdown ?? [],
		titles,
		quotes
	};

	let numbered = 0;
	const sections = definition.sections.map((section): TReportSection => {
		numbered++;
		const number = String(numbered);
		const blocks: TReportBlock[] = narrative(section.markdown);
		let subsections: TReportSection[] = [];
		if (section.kind === 'method') blocks.push(...methodBlocks(context));
		if (section.kind === 'keyFigures') blocks.push(...keyFigureBlocks(context, definition.keyFigures));
		if (section.kind === 'questions') subsections = questionSections(context, number, included);
		return { number, title: section.title, blocks, sections: subsections };
	});

	const meta = definition.meta;
	return {
		meta: {
			lang,
			title: meta.title,
			subtitle: organisation
				? [meta.subtitle, organisation.name].filter((s) => s !== '').join(' – ')
				: meta.subtitle,
			organisation: meta.organisation,
			documentId: meta.documentId,
			version: input.version,
			publishedOn: input.publishedOn,
			responsible: meta.responsible,
			author: meta.author
		},
		sections
	};
}

async function organisationName(db: TDb, id: string): Promise<string | null> {
	const [row] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, id));
	return row?.name ?? null;
}

const narrative = (markdown: string): TReportBlock[] =>
	markdown.trim() === '' ? [] : [{ kind: 'markdown', markdown }];

const count = (value: number, lang: TLang) => formatNumber(value, lang, 0);

/** The figures of the population the report is about: the organisation's, or the whole wave's. */
const scope = (c: TContext): TWaveResults => c.own ?? c.region;

function methodBlocks(c: TContext): TReportBlock[] {
	const { lang, locale } = c;
	const blocks: TReportBlock[] = [
		{
			kind: 'paragraph',
			text: m.report_method_organisations(
				{
					invited: count(c.region.organisations.invited, lang),
					responded: count(c.region.organisations.responded, lang)
				},
				locale
			)
		},
		{
			kind: 'paragraph',
			text: m.report_method_responses({ n: count(c.region.responses.complete, lang) }, locale)
		}
	];
	if (c.own && c.organisation) {
		blocks.push({
			kind: 'paragraph',
			text: m.report_method_organisation(
				{ organisation: c.organisation.name, n: count(c.own.responses.complete, lang), region: c.regionName },
				locale
			)
		});
	}
	blocks.push({ kind: 'paragraph', text: m.report_method_small_groups({ k: count(c.k, lang) }, locale) });
	if (c.roles.length > 0) {
		blocks.push({
			kind: 'table',
			caption: m.report_method_roles_caption({}, locale),
			table: {
				head: [m.report_role_group({}, locale), m.report_respondents({}, locale)],
				// A hidden group shows its name only, never how many it holds.
				rows: c.roles.map((g) => [g.label, g.n === null ? '–' : count(g.n, lang)]),
				numeric: [false, true]
			}
		});
		if (c.roles.some((g) => g.suppressed)) {
			blocks.push({ kind: 'notice', text: m.report_hidden_groups({ k: count(c.k, lang) }, locale) });
		}
	}
	if (c.titles.length > 0) {
		blocks.push({ kind: 'paragraph', text: m.report_method_titles({}, locale) });
		blocks.push({ kind: 'list', items: c.titles });
	}
	return blocks;
}

/** The measure of a key figure in one population, or null when it has no base there. */
function keyFigureValue(
	results: TWaveResults,
	figure: TKeyFigureInput
): { percent: number; count: number; n: number; mean: number | null } | null {
	const question = results.questions.find((q) => q.code === figure.question);
	if (!question || question.n === 0) return null;
	if (figure.measure.kind === 'topBox') {
		if (!question.topBox || question.topBox.percent === null) return null;
		return {
			percent: question.topBox.percent,
			count: question.topBox.count,
			n: question.n,
			mean: question.mean
		};
	}
	const code = figure.measure.option;
	const option = question.options.find((o) => o.code === code);
	if (!option || option.percent === null) return null;
	return { percent: option.percent, count: option.count, n: question.n, mean: question.mean };
}

function keyFigureBlocks(c: TContext, figures: TKeyFigureInput[]): TReportBlock[] {
	const { lang, locale } = c;
	const sentences = figures.flatMap((figure) => {
		if (!figure.enabled) return [];
		const value = keyFigureValue(scope(c), figure);
		if (!value) return [];
		// The seed states key figures in whole percents ("47 %").
		const sentence = fillKeyFigure(figure.template, {
			percent: formatPercent(value.percent, lang, 0),
			count: count(value.count, lang),
			n: count(value.n, lang),
			mean: formatMean(value.mean, lang)
		});
		if (!c.own) return [sentence];
		const regional = keyFigureValue(c.region, figure);
		return [
			regional
				? `${sentence} ${m.report_key_figure_region({ region: c.regionName, percent: formatPercent(regional.percent, lang, 0) }, locale)}`
				: sentence
		];
	});
	const blocks: TReportBlock[] = sentences.length > 0 ? [{ kind: 'list', items: sentences }] : [];
	if (c.maturity) blocks.push(...maturityBlocks(c, c.maturity.region, c.maturity.own));
	return blocks;
}

function maturityBlocks(c: TContext, region: TWaveMaturity, own: TWaveMaturity | null): TReportBlock[] {
	const { lang, locale } = c;
	const dimension = (code: string | null) =>
		code === null ? '–' : t(region.dimensions.find((d) => d.code === code)?.label ?? { sv: code }, lang);
	const level = (code: string | null) => {
		const found = region.levels.find((l) => l.code === code);
		return found ? t(found.label, lang) : '–';
	};
	// Two narrow tables instead of one wide one: the index per organisation, then each dimension's score.
	// Organisations below k (or hidden to protect one) are left out, and a notice says so.
	const shown = own ? [] : region.organisations.filter((o) => !o.hidden && o.profile);
	const profiles: Array<{ name: string; respondents: number | null; profile: TMaturityProfile | null }> = [];
	if (own && c.organisation)
		profiles.push({ name: c.organisation.name, respondents: own.respondents, profile: own.region.pooled });
	profiles.push({
		name: m.report_maturity_region({ region: c.regionName }, locale),
		respondents: region.respondents,
		profile: region.region.pooled
	});
	if (!own && shown.length > 1) {
		profiles.push({
			name: m.report_maturity_organisation_mean({}, locale),
			respondents: null,
			profile: region.region.organisationMean
		});
	}
	for (const o of shown) profiles.push({ name: o.name, respondents: o.respondents, profile: o.profile });
	const blocks: TReportBlock[] = [
		{ kind: 'paragraph', text: m.report_maturity_intro({}, locale) },
		{
			kind: 'table',
			caption: m.report_maturity_caption({}, locale),
			table: {
				head: [
					m.report_organisation({}, locale),
					m.report_respondents({}, locale),
					m.report_maturity_index({}, locale),
					m.report_maturity_level({}, locale),
					m.report_maturity_weakest({}, locale)
				],
				rows: profiles.map(({ name, respondents, profile }) => [
					name,
					respondents === null ? '–' : count(respondents, lang),
					profile ? scoreText(profile.index, lang) : '–',
					profile ? level(profile.level) : '–',
					profile ? dimension(profile.weakest) : '–'
				]),
				numeric: [false, true, true, false, false]
			}
		},
		{
			kind: 'table',
			caption: m.report_maturity_dimensions_caption({}, locale),
			table: {
				head: [m.report_maturity_dimension({}, locale), ...profiles.map((p) => p.name)],
				rows: region.dimensions.map((d) => [
					t(d.label, lang),
					...profiles.map((p) => (p.profile ? scoreText(p.profile.dimensions[d.code] ?? null, lang) : '–'))
				]),
				numeric: [false, ...profiles.map(() => true)]
			}
		}
	];
	const hidden = own ? 0 : region.organisations.filter((o) => o.hidden).length;
	if (hidden > 0) {
		blocks.push({
			kind: 'notice',
			text: m.report_maturity_hidden({ count: count(hidden, lang), k: count(c.k, lang) }, locale)
		});
	}
	return blocks;
}

function chartTable(table: TChartTable): TReportTable {
	const rows = table.footer ? [...table.rows, table.footer] : table.rows;
	return { head: table.columns, rows, numeric: table.columns.map((_, i) => i > 0) };
}

function summary(q: TQuestionResult, c: TContext): string {
	const { lang, locale } = c;
	if (q.type === 'text') return m.report_question_answers({ n: count(q.n, lang) }, locale);
	const parts = [`n = ${count(q.n, lang)}`];
	if (q.type === 'scale' && q.mean !== null) {
		parts.push(m.report_question_mean({ mean: formatMean(q.mean, lang) }, locale));
		if (q.median !== null)
			parts.push(m.report_question_median({ median: formatMean(q.median, lang) }, locale));
		if (q.topBox?.percent != null)
			parts.push(
				m.report_question_top_box(
					{ from: count(q.topBox.from, lang), percent: formatPercent(q.topBox.percent, lang) },
					locale
				)
			);
	}
	return parts.join(' · ');
}

function optionsTable(q: TQuestionResult, c: TContext): TReportTable {
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
			count(o.count, lang),
			o.percent === null ? '–' : formatPercent(o.percent, lang),
			formatPercentInterval(o.ci95, lang)
		];
		if (c.own) {
			const r = regional?.options.find((x) => x.code === o.code);
			cells.push(r?.percent == null ? '–' : formatPercent(r.percent, lang));
		}
		return cells;
	});
	const footer = ['n', count(q.n, lang), '', ''];
	if (c.own) footer.push(regional ? count(regional.n, lang) : '–');
	return { head, rows: [...rows, footer], numeric: head.map((_, i) => i > 0) };
}

function questionSections(c: TContext, number: string, questions: TQuestionInput[]): TReportSection[] {
	const { lang, locale } = c;
	const results = scope(c);
	let index = 0;
	return questions.flatMap((input): TReportSection[] => {
		const q = results.questions.find((r) => r.code === input.code);
		if (!q) return [];
		index++;
		const title = input.title !== '' ? input.title : q.text;
		const blocks: TReportBlock[] = [{ kind: 'paragraph', text: summary(q, c) }];
		if (q.n === 0) blocks.push({ kind: 'notice', text: m.report_question_no_answers({}, locale) });
		else {
			const chart = input.chart ? questionChart(q, lang, { theme: m.themes_theme_column({}, locale) }) : null;
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
		blocks.push(...narrative(input.markdown));
		const themes = q.themes.filter((theme) => theme.count > 0);
		if (input.themes && themes.length > 0) {
			blocks.push({ kind: 'paragraph', text: m.report_themes_intro({}, locale) });
			blocks.push({
				kind: 'list',
				items: themes.map((theme) =>
					m.report_theme_item({ theme: theme.label, count: count(theme.count, lang) }, locale)
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
