import { describe, expect, it } from 'vitest';
import { defaultReport } from '../report/default-report.ts';
import { builtInTemplate } from '../testing/questionnaires.ts';
import { applyDemoNarrative } from './apply-demo-narrative.ts';
import { DEMO_QUESTION_NARRATIVE, DEMO_SECTION_NARRATIVE } from './demo-narrative.ts';

const questionnaire = builtInTemplate();
const base = defaultReport({
	questionnaire,
	wave: { name: 'Digital mognad i Norrbottens kommuner 2020', period: '2020' },
	organisation: 'Region Norrbotten',
	lang: 'sv'
});
const quoted = '6f1c2a8e-8a59-4a51-9d3e-2f5b7c9d0e11';
const report = applyDemoNarrative(base, { stod: [quoted] });

describe('the demo report narrative', () => {
	it('writes every default section, and adds the two reflections as free sections', () => {
		expect(Object.keys(DEMO_SECTION_NARRATIVE).sort()).toEqual(base.sections.map((s) => s.id).sort());
		for (const s of report.sections) expect(s.markdown.length).toBeGreaterThan(20);
		expect(report.sections.slice(7).map((s) => [s.id, s.kind, s.title])).toEqual([
			['extra-1', 'text', 'Reflektion 1: Digitalisering i spåren av covid-19'],
			['extra-2', 'text', 'Reflektion 2: Utbyggnad av digital infrastruktur']
		]);
		expect(report.sections.find((s) => s.id === 'data-och-metod')?.markdown).toContain(
			'samtliga fjorton kommuner'
		);
	});

	it('gives the document details, with roles rather than names', () => {
		expect(report.meta).toEqual({
			title: 'Digital mognad i Norrbottens kommuner',
			subtitle: 'Resultat av enkätundersökningen våren 2020',
			organisation: 'Region Norrbotten',
			documentId: 'RN-DEMO-2020-001',
			responsible: 'Avdelningschef, Regional utveckling',
			author: 'Analytiker, Regional utveckling'
		});
	});

	it('comments the questions of the questionnaire and quotes the given answers', () => {
		const codes = questionnaire.sections.flatMap((s) => s.questions).map((q) => q.code);
		for (const code of Object.keys(DEMO_QUESTION_NARRATIVE)) expect(codes).toContain(code);
		const stod = report.questions.find((q) => q.code === 'stod');
		expect(stod?.quotes).toEqual([quoted]);
		expect(stod?.markdown).toBe(DEMO_QUESTION_NARRATIVE.stod);
		expect(report.questions.find((q) => q.code === 'behov')?.quotes).toEqual([]);
		// Figures come from the data, never from the narrative's text.
		expect(report.keyFigures).toEqual(base.keyFigures);
	});
});
