import type { TWaveMaturity } from '../maturity/wave-maturity.ts';
import type { TQuestionnaire } from '../questionnaire/definition.ts';
import type { TGroupResult, TQuestionResult, TWaveResults } from '../results/wave-results-schema.ts';
import type { TReportBlock } from './document.ts';

type TLang = 'sv' | 'en';

/** A chosen free-text answer, while it is marked quotable. */
export interface TReportQuote {
	responseId: string;
	questionCode: string;
	text: string;
}

/** A chart drawn for a question: the SVG, its text alternative and its data as a table. */
export interface TReportChart {
	svg: string;
	alt: string;
	table: { columns: string[]; rows: string[][]; footer?: string[] };
}

/** A radar chart of maturity profiles: the dimensions as axes, one series of scores (0–100) per profile. */
export interface TReportRadarInput {
	lang: TLang;
	dimensions: string[];
	series: Array<{ name: string; values: Array<number | null> }>;
}

/**
 * What a report is built from, all of it loaded beforehand (server/report/resolve-report.ts): the wave's
 * questionnaire, the results engine's figures, the organisation the report is for, the chosen quotes, and
 * how a question's chart and the maturity profiles are drawn (server/charts, kept out of the pure
 * building).
 */
export interface TReportInputs {
	lang: TLang;
	locale: { locale: TLang };
	k: number;
	/** The wave's questionnaire version: topic titles, follow-ups and their conditions. */
	questionnaire: TQuestionnaire;
	region: TWaveResults;
	/** The organisation's results when the report is for one; null for the whole wave. */
	own: TWaveResults | null;
	organisation: { name: string } | null;
	regionName: string;
	maturity: { region: TWaveMaturity; own: TWaveMaturity | null } | null;
	roles: TGroupResult[];
	titles: string[];
	quotes: TReportQuote[];
	chart: (question: TQuestionResult, lang: TLang, labels: { theme: string }) => TReportChart | null;
	/** How the maturity profiles are drawn. */
	radar: (input: TReportRadarInput) => TReportChart;
}

/** The figures of the population the report is about: the organisation's, or the whole wave's. */
export const reportScope = (c: TReportInputs): TWaveResults => c.own ?? c.region;

/** The analyst's narrative as a block, none when it is empty. */
export const narrativeBlocks = (markdown: string): TReportBlock[] =>
	markdown.trim() === '' ? [] : [{ kind: 'markdown', markdown }];
