import { describe, expect, it } from 'vitest';
import type { TQuestionnaire } from '../questionnaire/definition.ts';
import { parseQuestionnaire } from '../questionnaire/parse-questionnaire.ts';
import { t } from '../questionnaire/text.ts';
import type { TQuestionResult } from '../results/wave-results-schema.ts';
import {
	builtInTemplate,
	definition,
	freeText,
	page,
	questionnaireFrom,
	SEED_TOPIC_SUBSECTIONS,
	scale,
	yesNo
} from '../testing/questionnaires.ts';
import { buildReportDocument } from './build-report-document.ts';
import { defaultReport } from './default-report.ts';
import { printsFigureTable, type TReportDocument, type TReportSection } from './document.ts';
import {
	fillKeyFigure,
	freeSectionId,
	type TReportDefinition,
	ZReportDefinition
} from './report-definition.ts';
import type { TReportInputs } from './report-inputs.ts';

describe('defaultReport', () => {
	const report = defaultReport({
		questionnaire: builtInTemplate(),
		wave: { name: 'Våren 2020', period: '2020-03–2020-05' },
		organisation: 'Region Norrbotten',
		lang: 'sv'
	});

	it("follows the seed's structure with its section ids, titles and kinds", () => {
		expect(report.sections.map((s) => [s.id, s.kind, s.title])).toEqual([
			['inledning', 'text', 'Inledning och bakgrund'],
			['syfte', 'text', 'Syfte'],
			['data-och-metod', 'method', 'Data och metod'],
			['lage', 'keyFigures', 'Kort sammanställning av läget'],
			['svar', 'questions', 'Svar och kommentarer'],
			['sammanfattning', 'text', 'Sammanfattning'],
			['slutsats', 'text', 'Slutsats']
		]);
		expect(report.meta).toEqual({
			title: 'Digital mognad i kommuner',
			subtitle: 'Våren 2020 (2020-03–2020-05)',
			organisation: 'Region Norrbotten',
			documentId: '',
			responsible: '',
			author: ''
		});
		expect(report.maturity).toBe(true);
	});

	it("takes the key-figure sentences from the questionnaire, in the seed's order", () => {
		expect(report.keyFigures.map((k) => [k.question, k.measure])).toEqual([
			['behov', { kind: 'topBox' }],
			['ledning_delar', { kind: 'option', option: 'ja' }],
			['vision', { kind: 'option', option: 'ja' }],
			['kompetens', { kind: 'option', option: 'nej' }],
			['it_arv', { kind: 'option', option: 'ja' }],
			['medborgarbild', { kind: 'option', option: 'nej' }],
			['beslutskapacitet', { kind: 'option', option: 'nej' }]
		]);
		expect(report.keyFigures[0]?.template).toBe(
			'{percent} av respondenterna anser att behovet av digitalisering är stort'
		);
		expect(report.keyFigures.every((k) => k.enabled)).toBe(true);
	});

	it('includes every question but the background ones: choice and scale with a table, free text with themes', () => {
		expect(report.questions).toHaveLength(18);
		expect(report.questions.find((q) => q.code === 'organisation')).toBeUndefined();
		expect(report.questions.find((q) => q.code === 'vision')).toMatchObject({
			chart: true,
			table: true,
			themes: false
		});
		expect(report.questions.find((q) => q.code === 'stod')).toMatchObject({
			chart: true,
			table: false,
			themes: true
		});
	});

	it('writes an English report in English', () => {
		const english = defaultReport({
			questionnaire: builtInTemplate(),
			wave: { name: 'Spring 2020', period: null },
			organisation: '',
			lang: 'en'
		});
		expect(english.sections[3]?.title).toBe('The situation in brief');
		expect(english.keyFigures[0]?.template).toBe(
			'{percent} of the respondents consider the need for digitalisation to be great'
		);
	});
});

describe('ZReportDefinition', () => {
	const valid = defaultReport({
		questionnaire: builtInTemplate(),
		wave: { name: 'Nu', period: null },
		organisation: '',
		lang: 'sv'
	});

	it('trims one-line fields and refuses duplicate sections, two generated sections of a kind and unknown keys', () => {
		const parsed = ZReportDefinition.parse({
			...valid,
			meta: { ...valid.meta, title: '  Rapport\n om  läget ' }
		});
		expect(parsed.meta.title).toBe('Rapport om läget');
		const first = valid.sections[0];
		expect(ZReportDefinition.safeParse({ ...valid, sections: [...valid.sections, first] }).success).toBe(
			false
		);
		const method = valid.sections[2];
		expect(
			ZReportDefinition.safeParse({ ...valid, sections: [...valid.sections, { ...method, id: 'extra-1' }] })
				.success
		).toBe(false);
		expect(ZReportDefinition.safeParse({ ...valid, extra: 1 }).success).toBe(false);
		expect(ZReportDefinition.safeParse({ ...valid, sections: [{ ...first, id: 'Not an id' }] }).success).toBe(
			false
		);
		expect(
			ZReportDefinition.safeParse({ ...valid, questions: [{ ...valid.questions[0], quotes: ['x'] }] }).success
		).toBe(false);
	});

	it('gives free sections fresh ids', () => {
		expect(freeSectionId(valid.sections)).toBe('extra-1');
		expect(freeSectionId([...valid.sections, { id: 'extra-1' }])).toBe('extra-2');
	});
});

describe('fillKeyFigure', () => {
	it('fills the known placeholders and leaves other braces as written', () => {
		expect(
			fillKeyFigure('{percent} av {n} ({count}), medel {mean}; {annat}', {
				percent: '80 %',
				n: '20',
				count: '16',
				mean: '8,5'
			})
		).toBe('80 % av 20 (16), medel 8,5; {annat}');
	});
});

describe('key figures in a questionnaire', () => {
	const base = [page('a', scale('s', { topBox: { from: 4, label: { sv: 'Hög' } } }), yesNo('j'))];
	const figure = (question: string, measure: unknown) => ({
		question,
		measure,
		template: { sv: '{percent} x' }
	});

	it('are checked against their question', () => {
		expect(
			parseQuestionnaire(
				definition(base, {
					keyFigures: [figure('s', { kind: 'topBox' }), figure('j', { kind: 'option', option: 'ja' })]
				})
			).ok
		).toBe(true);
		for (const wrong of [
			figure('saknas', { kind: 'topBox' }),
			figure('j', { kind: 'topBox' }),
			figure('j', { kind: 'option', option: 'kanske' }),
			figure('s', { kind: 'option', option: 'ja' })
		]) {
			expect(parseQuestionnaire(definition(base, { keyFigures: [wrong] })).ok).toBe(false);
		}
	});
});

// Made-up figures for every question of a questionnaire (20 answers to each closed question, 7 to each
// free-text one, one theme each): the structure of the document is under test here, not the figures.
function results(questionnaire: TQuestionnaire): TReportInputs['region'] {
	const questions = questionnaire.sections
		.flatMap((s) => s.questions)
		.flatMap((q): TQuestionResult[] => {
			if (q.type === 'background') return [];
			const options =
				q.type === 'scale'
					? Array.from({ length: q.max - q.min + 1 }, (_, i) => ({
							code: String(q.min + i),
							label: String(q.min + i)
						}))
					: q.type === 'text'
						? []
						: q.options.map((o) => ({ code: o.code, label: t(o.label, 'sv') }));
			return [
				{
					code: q.code,
					type: q.type,
					text: t(q.text, 'sv'),
					n: q.type === 'text' ? 7 : 20,
					options: options.map((o) => ({
						...o,
						count: 2,
						percent: 10,
						ci95: [2.8, 30.1] as [number, number]
					})),
					mean: null,
					median: null,
					sd: null,
					topBox: null,
					excluded: 0,
					themes: q.type === 'text' ? [{ label: `Tema ${q.code}`, count: 4 }] : []
				}
			];
		});
	return {
		wave: {
			slug: 'nu',
			name: 'Nu',
			period: null,
			status: 'closed',
			questionnaire: { code: questionnaire.code, version: questionnaire.version },
			minGroupSize: 5
		},
		filters: { organisation: null, roleGroup: null, includePartial: false, by: null },
		responses: { complete: 20, partial: 0 },
		organisations: { invited: 14, responded: 12 },
		questions
	};
}

const QUOTED = '6f1c1a52-5f1e-4f55-9a57-3c2f0d8e0b11';

function build(
	questionnaire: TQuestionnaire,
	change: (d: TReportDefinition) => TReportDefinition = (d) => d
) {
	const report = defaultReport({
		questionnaire,
		wave: { name: 'Nu', period: null },
		organisation: '',
		lang: 'sv'
	});
	const inputs: TReportInputs = {
		lang: 'sv',
		locale: { locale: 'sv' },
		k: 5,
		questionnaire,
		region: results(questionnaire),
		own: null,
		organisation: null,
		regionName: 'Region Norrbotten',
		maturity: null,
		roles: [],
		titles: [],
		quotes: [{ responseId: QUOTED, questionCode: 'it_arv_kommentar', text: 'Vi har för många system.' }],
		chart: (q) => ({
			svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
			alt: `Diagram: ${q.text}`,
			table: { columns: ['Svar', 'Antal'], rows: [['Ja', '2']] }
		}),
		radar: () => ({
			svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
			alt: 'Radardiagram',
			table: { columns: ['Dimension'], rows: [] }
		})
	};
	return buildReportDocument(change(report), inputs, { version: 'Utkast', publishedOn: null });
}

const answers = (doc: TReportDocument): TReportSection[] => doc.sections[4]?.sections ?? [];
const texts = (section: TReportSection | undefined): string[] =>
	(section?.blocks ?? []).flatMap((b) =>
		b.kind === 'paragraph' || b.kind === 'quote' ? [b.text] : b.kind === 'markdown' ? [b.markdown] : []
	);

describe("the default report's Svar och kommentarer", () => {
	const withNarrative = (d: TReportDefinition): TReportDefinition => ({
		...d,
		questions: d.questions.map((q) => ({
			...q,
			quotes: q.code === 'it_arv_kommentar' ? [QUOTED] : q.quotes,
			markdown:
				q.code === 'drivkrafter'
					? 'Merparten av svaren kan grupperas i fyra teman:'
					: q.code === 'ledning_delar'
						? 'Svaren fördelar sig så här:'
						: q.markdown
		}))
	});
	const doc = build(builtInTemplate(), withNarrative);

	it("has one subsection per topic of the built-in template, titled by the topic: the seed's 11, not 18", () => {
		expect(answers(doc).map((s) => `${s.number} ${s.title}`)).toEqual(SEED_TOPIC_SUBSECTIONS);
		expect(answers(doc).every((s) => s.sections.length === 0)).toBe(true);
	});

	it('puts the question text under the topic heading, before its figures', () => {
		expect(answers(doc)[0]?.blocks.slice(0, 2)).toEqual([
			{ kind: 'paragraph', text: 'Hur stort är behovet av digitalisering i din kommun?' },
			{ kind: 'paragraph', text: 'n = 20' }
		]);
		expect(answers(doc).map((s) => texts(s)[0])).toContain(
			'Har ni i er organisation en gemensam bild av framtidens medborgarupplevelse?'
		);
	});

	it("folds a follow-up into its parent's subsection: its count of comments, themes and quotes", () => {
		const itArv = answers(doc)[4];
		expect(texts(itArv)).toEqual([
			'Bedömer ni att tidigare gjorda IT-investeringar begränsar möjligheterna till utveckling?',
			'n = 20',
			'Följdfråga till dem som svarade Ja: Beskriv gärna hur.',
			'Antal svar: 7',
			'Svaren kunde grupperas enligt nedan:',
			'Vi har för många system.'
		]);
		expect(itArv?.blocks).toContainEqual({ kind: 'list', items: ['Tema it_arv_kommentar (4)'] });
		// A chain of conditions and a follow-up without one: both under the first question.
		expect(texts(answers(doc)[3])).toContain('Följdfråga till dem som svarade Nej eller Vet ej: Vad saknas?');
		expect(texts(answers(doc)[8])).toEqual(
			expect.arrayContaining([
				'Följdfråga till dem som svarade Nej: Utveckla gärna.',
				'Följdfråga: Vad kan göras för att påverka en kulturell förändring?'
			])
		);
		// No subsection is a follow-up's: none is titled by one, none holds only a count.
		const titles = answers(doc).map((s) => s.title);
		for (const followUp of ['Kommentera gärna.', 'Beskriv gärna hur.', 'Utveckla gärna.', 'Vad saknas?'])
			expect(titles).not.toContain(followUp);
	});

	it('shows a choice follow-up as a block without a heading inside its parent, its lead-in before its chart', () => {
		const behov = answers(doc)[0]?.blocks ?? [];
		const start = behov.findIndex(
			(b) => b.kind === 'paragraph' && b.text === 'Följdfråga: Delar hela kommunledningen denna uppfattning?'
		);
		expect(start).toBeGreaterThan(0);
		expect(behov.slice(start + 1).map((b) => b.kind)).toEqual(['paragraph', 'markdown', 'figure', 'table']);
		const figure = behov[start + 3];
		expect(figure?.kind === 'figure' && figure.caption).toBe(
			'Behovet av digitalisering – Delar hela kommunledningen denna uppfattning?'
		);
	});

	it('has one table per chart: a choice or scale question its distribution, free text its chart data', () => {
		for (const subsection of answers(doc)) {
			subsection.blocks.forEach((b, i) => {
				if (b.kind !== 'figure') return;
				const next = subsection.blocks[i + 1];
				expect(printsFigureTable(subsection.blocks, i)).toBe(next?.kind !== 'table');
				if (next?.kind === 'table') expect(next.table.head).toContain('95 % konfidensintervall');
			});
		}
	});

	it("gives a question one lead-in: the analyst's, when their narrative introduces the themes", () => {
		const drivkrafter = answers(doc)[7];
		expect(drivkrafter?.blocks.map((b) => b.kind)).toEqual([
			'paragraph',
			'paragraph',
			'markdown',
			'figure',
			'list'
		]);
		expect(texts(drivkrafter)).not.toContain('Svaren kunde grupperas enligt nedan:');
		expect(texts(answers(doc)[10])).toContain('Svaren kunde grupperas enligt nedan:');
	});

	it("takes the analyst's heading over the topic, and keeps a follow-up of a left-out question under its heading", () => {
		const edited = build(builtInTemplate(), (d) => ({
			...d,
			questions: d.questions.map((q) =>
				q.code === 'vision'
					? { ...q, title: 'Strategin' }
					: q.code === 'it_arv'
						? { ...q, included: false }
						: q
			)
		}));
		expect(answers(edited)[1]?.title).toBe('Strategin');
		expect(texts(answers(edited)[1])[0]).toBe(
			'Har kommunen en digital vision, handlingsplan eller strategi?'
		);
		const itArv = answers(edited)[4];
		expect(itArv?.title).toBe('Tidigare IT-investeringar');
		expect(texts(itArv).slice(0, 2)).toEqual([
			'Följdfråga till dem som svarade Ja: Beskriv gärna hur.',
			'Antal svar: 7'
		]);
	});

	it('heads a subsection by the question text when the questionnaire has no topic titles, not repeating it', () => {
		const plain = questionnaireFrom(
			definition([
				page('a', yesNo('x')),
				page('b', freeText('y', { showIf: { question: 'x', in: ['nej'] } }))
			])
		);
		const sections = answers(build(plain));
		expect(sections.map((s) => s.title)).toEqual(['Fråga x?']);
		expect(texts(sections[0])).toEqual([
			'n = 20',
			'Följdfråga till dem som svarade nej: Fråga y?',
			'Antal svar: 7',
			'Svaren kunde grupperas enligt nedan:'
		]);
	});
});
