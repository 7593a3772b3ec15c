import { m } from '../../paraglide/messages.js';
import type { TQuestionnaire } from '../questionnaire/definition.ts';
import { t } from '../questionnaire/text.ts';
import {
	type TQuestionInput,
	type TReportDefinition,
	type TSectionKind,
	ZReportDefinition
} from './report-definition.ts';

export interface TDefaultReportInput {
	questionnaire: TQuestionnaire;
	wave: { name: string; period: string | null };
	/** The organisation running the wave, e.g. "Region Norrbotten"; empty when it has none. */
	organisation: string;
	lang: 'sv' | 'en';
}

/** The default sections: the seed's structure, by id, kind and title. */
const SECTIONS: Array<{ id: string; kind: TSectionKind; title: (lang: 'sv' | 'en') => string }> = [
	{ id: 'inledning', kind: 'text', title: (locale) => m.report_section_inledning({}, { locale }) },
	{ id: 'syfte', kind: 'text', title: (locale) => m.report_section_syfte({}, { locale }) },
	{
		id: 'data-och-metod',
		kind: 'method',
		title: (locale) => m.report_section_data_och_metod({}, { locale })
	},
	{ id: 'lage', kind: 'keyFigures', title: (locale) => m.report_section_lage({}, { locale }) },
	{ id: 'svar', kind: 'questions', title: (locale) => m.report_section_svar({}, { locale }) },
	{ id: 'sammanfattning', kind: 'text', title: (locale) => m.report_section_sammanfattning({}, { locale }) },
	{ id: 'slutsats', kind: 'text', title: (locale) => m.report_section_slutsats({}, { locale }) }
];

/**
 * The report a wave starts with: the seed's seven sections (the narrative ones empty but for an opening
 * line the analyst rewrites), the questionnaire's key-figure sentences, and every question of the
 * questionnaire included with its chart, its table (choice and scale) or its themes (free text).
 */
export function defaultReport(input: TDefaultReportInput): TReportDefinition {
	const { questionnaire, wave, lang } = input;
	const locale = { locale: lang };
	const survey = t(questionnaire.title, lang);
	const waveName = wave.period ? `${wave.name} (${wave.period})` : wave.name;
	const questions: TQuestionInput[] = questionnaire.sections
		.flatMap((s) => s.questions)
		.filter((q) => q.type !== 'background')
		.map((q) => ({
			code: q.code,
			included: true,
			title: '',
			chart: true,
			table: q.type !== 'text',
			themes: q.type === 'text',
			quotes: [],
			markdown: ''
		}));
	return ZReportDefinition.parse({
		lang,
		meta: {
			title: survey,
			subtitle: waveName,
			organisation: input.organisation,
			documentId: '',
			responsible: '',
			author: ''
		},
		sections: SECTIONS.map((s) => ({
			id: s.id,
			kind: s.kind,
			title: s.title(lang),
			markdown:
				s.id === 'inledning'
					? m.report_default_inledning({ survey, wave: waveName }, locale)
					: s.id === 'data-och-metod'
						? m.report_default_method({}, locale)
						: ''
		})),
		keyFigures: questionnaire.keyFigures.map((k) => ({
			question: k.question,
			measure: k.measure,
			template: t(k.template, lang),
			enabled: true
		})),
		maturity: questionnaire.dimensions.length > 0,
		questions
	});
}
