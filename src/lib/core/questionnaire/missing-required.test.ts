import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	freeText,
	page,
	questionnaireFrom,
	yesNo
} from '../testing/questionnaires.ts';
import type { TAnswerMap } from './answer.ts';
import { missingRequired } from './missing-required.ts';

const template = builtInTemplate();
const single = (option: string) => ({ kind: 'single', option }) as const;

const everyRequired: TAnswerMap = {
	behov: { kind: 'scale', value: 7 },
	ledning_delar: single('ja'),
	vision: single('ja'),
	medborgarbild: single('nej'),
	beslutskapacitet: single('ja'),
	it_arv: single('nej'),
	omvarld: single('ja'),
	drivande: { kind: 'multi', options: ['it'] },
	kultur: single('vet_ej'),
	kompetens: single('nej')
};

describe('missingRequired', () => {
	it('lists every required question of an empty response, in questionnaire order', () => {
		const all = [
			'behov',
			'ledning_delar',
			'vision',
			'medborgarbild',
			'beslutskapacitet',
			'it_arv',
			'omvarld',
			'drivande',
			'kultur',
			'kompetens'
		];
		expect(missingRequired(template, {}, 'invite')).toEqual(all);
		// Background questions are kept on the response, not among the answers.
		expect(missingRequired(template, {}, 'open')).toEqual(all);
	});

	it('lists nothing when every required question is answered, optional ones left blank', () => {
		expect(missingRequired(template, everyRequired, 'invite')).toEqual([]);
	});

	it('lists what is still missing', () => {
		const { kultur: _kultur, behov: _behov, ...rest } = everyRequired;
		expect(missingRequired(template, rest, 'invite')).toEqual(['behov', 'kultur']);
	});

	it('does not ask for a required question the respondent was not shown', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page('a', yesNo('x', { required: true })),
				page('b', freeText('y', { required: true, showIf: { question: 'x', in: ['ja'] } }))
			])
		);
		expect(missingRequired(questionnaire, { x: single('nej') }, 'invite')).toEqual([]);
		expect(missingRequired(questionnaire, { x: single('ja') }, 'invite')).toEqual(['y']);
		expect(missingRequired(questionnaire, {}, 'invite')).toEqual(['x']);
	});

	it('asks for a required question whose code is also a property every object has', () => {
		const questionnaire = questionnaireFrom(
			definition([page('a', freeText('constructor', { required: true }))])
		);
		expect(missingRequired(questionnaire, {}, 'invite')).toEqual(['constructor']);
		const answered: TAnswerMap = { constructor: { kind: 'text' as const, value: 'Svar' } };
		expect(missingRequired(questionnaire, answered, 'invite')).toEqual([]);
	});
});
