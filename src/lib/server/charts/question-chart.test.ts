import { describe, expect, it } from 'vitest';
import type { TQuestionResult } from '../../core/results/wave-results-schema.ts';
import { isJaNejVetEj, questionChart } from './question-chart.ts';

const base = { mean: null, median: null, sd: null, topBox: null, excluded: 0, themes: [] };
const option = (code: string, label: string, count: number) => ({
	code,
	label,
	count,
	percent: null,
	ci95: null
});

const vision: TQuestionResult = {
	...base,
	code: 'vision',
	type: 'single',
	text: 'Har kommunen en digital vision?',
	n: 20,
	options: [option('ja', 'Ja', 14), option('nej', 'Nej', 5), option('vet_ej', 'Vet ej', 1)]
};

describe('questionChart', () => {
	it('draws a Ja / Nej / Vet ej question as a pie, as the seed report does', () => {
		expect(isJaNejVetEj(vision)).toBe(true);
		const chart = questionChart(vision, 'sv', { theme: 'Tema' });
		expect(chart?.alt).toBe(
			'Cirkeldiagram: Ja 70\u00a0% (14), Nej 25\u00a0% (5), Vet ej 5\u00a0% (1), n = 20'
		);
	});

	it('draws other choice questions and a scale as bars in percent of n', () => {
		const twoOptions = { ...vision, options: vision.options.slice(0, 2) };
		expect(isJaNejVetEj(twoOptions)).toBe(false);
		expect(questionChart(twoOptions, 'sv', { theme: 'Tema' })?.alt).toMatch(
			/^Stapeldiagram: Ja 70\u00a0% \(14\)/
		);
		const multi = { ...vision, type: 'multi' as const };
		expect(isJaNejVetEj(multi)).toBe(false);
		const scale: TQuestionResult = {
			...base,
			code: 'behov',
			type: 'scale',
			text: 'Behov',
			n: 4,
			options: [option('1', '1 Litet', 1), option('2', '2 Stort', 3)]
		};
		expect(questionChart(scale, 'en', { theme: 'Theme' })?.alt).toBe(
			'Bar chart: 1 Litet 25% (1), 2 Stort 75% (3), n = 4'
		);
	});

	it('draws theme counts for free text, and nothing without themes', () => {
		const text: TQuestionResult = { ...base, code: 'stod', type: 'text', text: 'Stöd', n: 3, options: [] };
		expect(questionChart(text, 'sv', { theme: 'Tema' })).toBeNull();
		const themed = { ...text, themes: [{ label: 'Samordning', count: 2 }] };
		const chart = questionChart(themed, 'sv', { theme: 'Tema' });
		expect(chart?.alt).toBe('Stapeldiagram: Samordning 2, n = 3');
		expect(chart?.table.columns[0]).toBe('Tema');
	});
});
