import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../questionnaire/parse-questionnaire.ts';
import { builtInTemplate, definition, page, scale, yesNo } from '../testing/questionnaires.ts';
import { defaultReport } from './default-report.ts';
import { fillKeyFigure, freeSectionId, ZReportDefinition } from './report-definition.ts';

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
