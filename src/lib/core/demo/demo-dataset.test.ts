import { describe, expect, it } from 'vitest';
import { answerTo } from '../questionnaire/answer.ts';
import { pruneHidden } from '../questionnaire/visibility.ts';
import { builtInTemplate, questionOf } from '../testing/questionnaires.ts';
import { type DEMO_THEMES, demoDataset } from './demo-dataset.ts';

const { respondents, invitees } = demoDataset();

function optionCounts(code: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const r of respondents) {
		const answer = answerTo(r.answers, code);
		const options =
			answer?.kind === 'single' ? [answer.option] : answer?.kind === 'multi' ? answer.options : [];
		for (const o of options) counts[o] = (counts[o] ?? 0) + 1;
	}
	return counts;
}

const answered = (code: string) => respondents.filter((r) => answerTo(r.answers, code)).length;

function themeCounts(question: keyof typeof DEMO_THEMES): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const r of respondents)
		for (const label of r.themes[question] ?? []) counts[label] = (counts[label] ?? 0) + 1;
	return counts;
}

describe('the demo dataset', () => {
	it('has 20 respondents in 10 of the 14 municipalities, all 14 invited', () => {
		expect(respondents).toHaveLength(20);
		expect(new Set(respondents.map((r) => r.organisationCode)).size).toBe(10);
		expect(new Set(invitees.map((i) => i.organisationCode)).size).toBe(14);
		expect(invitees).toHaveLength(28);
		expect(invitees.filter((i) => i.respondentKey)).toHaveLength(20);
		expect(new Set(respondents.map((r) => r.key)).size).toBe(20);
	});

	it('is the same on every call', () => {
		expect(demoDataset()).toEqual(demoDataset());
	});

	it('gives behov a sum of 170 over 20 (mean 8,5) with 16 answers in 7–10', () => {
		const values = respondents.map((r) => {
			const a = answerTo(r.answers, 'behov');
			return a?.kind === 'scale' ? a.value : Number.NaN;
		});
		expect(values.reduce((s, v) => s + v, 0)).toBe(170);
		expect(values.filter((v) => v >= 7)).toHaveLength(16);
	});

	it('gives the seed report’s counts for every yes/no question', () => {
		expect(answered('ledning_delar')).toBe(17);
		expect(optionCounts('ledning_delar')).toEqual({ ja: 8, nej: 6, vet_ej: 3 });
		expect(optionCounts('vision')).toEqual({ ja: 14, nej: 5, vet_ej: 1 });
		expect(optionCounts('medborgarbild')).toEqual({ ja: 8, nej: 9, vet_ej: 3 });
		expect(optionCounts('beslutskapacitet')).toEqual({ ja: 8, nej: 8, vet_ej: 4 });
		expect(optionCounts('it_arv')).toEqual({ ja: 9, nej: 8, vet_ej: 3 });
		expect(optionCounts('omvarld')).toEqual({ ja: 16, nej: 3, vet_ej: 1 });
		expect(optionCounts('kultur')).toEqual({ ja: 9, nej: 9, vet_ej: 2 });
		expect(optionCounts('kompetens')).toEqual({ ja: 5, nej: 11, vet_ej: 4 });
	});

	it('has the IT department as the most frequent driver', () => {
		expect(optionCounts('drivande')).toEqual({
			it: 12,
			tjansteman: 9,
			ledning: 7,
			naringsliv: 3,
			politiker: 2,
			medborgare: 2,
			annat: 1
		});
	});

	it('answers follow-up questions only when they are shown, with option codes the questionnaire has', () => {
		const questionnaire = builtInTemplate();
		for (const r of respondents) {
			expect(pruneHidden(questionnaire, r.answers, 'invite')).toEqual(r.answers);
			for (const [code, answer] of Object.entries(r.answers)) {
				const question = questionOf(questionnaire, code);
				if (answer.kind === 'single' || answer.kind === 'multi') {
					const codes = question.type === 'single' || question.type === 'multi' ? question.options : [];
					const given = answer.kind === 'single' ? [answer.option] : answer.options;
					for (const o of given) expect(codes.map((c) => c.code)).toContain(o);
				} else expect(question.type).toBe(answer.kind);
			}
		}
		expect(answered('beslutskapacitet_varfor')).toBe(9);
		expect(answered('it_arv_kommentar')).toBe(7);
		expect(answered('kultur_varfor')).toBe(6);
	});

	it('themes free-text answers as designed, only answers that exist', () => {
		expect(answered('drivkrafter')).toBe(16);
		expect(themeCounts('drivkrafter')).toEqual({
			'Ansträngd ekonomi och resursbrist': 7,
			'Effektiviseringsbehov inkl. personalbrist': 6,
			'Förväntningar från medborgare och samhälle': 5,
			'Förändringar i samhälle': 4
		});
		expect(answered('stod')).toBe(15);
		expect(themeCounts('stod')).toEqual({
			'Strategiskt och taktiskt stöd': 6,
			'Samordning av insatser': 5,
			'Regionalt/nationellt stöd': 4,
			'Visa på goda exempel': 3
		});
		for (const r of respondents) {
			for (const question of Object.keys(r.themes)) expect(answerTo(r.answers, question)?.kind).toBe('text');
			for (const question of r.quotable) expect(answerTo(r.answers, question)?.kind).toBe('text');
		}
	});
});
