import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	page,
	questionnaireFrom,
	questionOf
} from '../testing/questionnaires.ts';
import type { TAnswer } from './answer.ts';
import { describeAnswer } from './describe-answer.ts';

const template = builtInTemplate();
const question = (code: string) => questionOf(template, code);

describe('describeAnswer', () => {
	it('gives the label of a single choice in the language asked for', () => {
		expect(describeAnswer(question('vision'), { kind: 'single', option: 'vet_ej' }, 'sv')).toBe('Vet ej');
		expect(describeAnswer(question('vision'), { kind: 'single', option: 'vet_ej' }, 'en')).toBe("Don't know");
	});

	it('lists the labels of a multiple choice, with the text of "Annat"', () => {
		const answer: TAnswer = { kind: 'multi', options: ['annat', 'it'], other: 'Skolan' };
		expect(describeAnswer(question('drivande'), answer, 'sv')).toBe('Annat: Skolan, IT-avdelningen');
		expect(describeAnswer(question('drivande'), answer, 'en')).toBe('Other: Skolan, The IT department');
		expect(describeAnswer(question('drivande'), { kind: 'multi', options: ['annat'] }, 'sv')).toBe('Annat');
	});

	it('gives a scale value with the scale it is on', () => {
		expect(describeAnswer(question('behov'), { kind: 'scale', value: 8 }, 'sv')).toBe('8 (1–10)');
	});

	it('gives a text as written', () => {
		expect(describeAnswer(question('stod'), { kind: 'text', value: 'Visa goda exempel.' }, 'en')).toBe(
			'Visa goda exempel.'
		);
	});

	it('gives nothing for an unanswered question', () => {
		expect(describeAnswer(question('vision'), undefined, 'sv')).toBeNull();
	});

	it('falls back to the option code for an option the question no longer has', () => {
		expect(describeAnswer(question('vision'), { kind: 'single', option: 'kanske' }, 'sv')).toBe('kanske');
	});

	it('falls back to Swedish when an option has no English label', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page('a', {
					code: 'x',
					type: 'single',
					text: { sv: 'X?' },
					options: [
						{ code: 'ja', label: { sv: 'Ja' } },
						{ code: 'nej', label: { sv: 'Nej', en: 'No' } }
					]
				})
			])
		);
		expect(describeAnswer(questionOf(questionnaire, 'x'), { kind: 'single', option: 'ja' }, 'en')).toBe('Ja');
		expect(describeAnswer(questionOf(questionnaire, 'x'), { kind: 'single', option: 'nej' }, 'en')).toBe(
			'No'
		);
	});
});
