import { describe, expect, it } from 'vitest';
import { definition, freeText, multi, option, page, scale, yesNo } from '../testing/questionnaires.ts';
import { parseQuestionnaire } from './parse-questionnaire.ts';

function errors(input: unknown, lang: 'sv' | 'en'): string[] {
	const result = parseQuestionnaire(input, { lang });
	if (result.ok) throw new Error('expected the definition to be refused');
	return result.errors;
}

describe('questionnaire errors for people', () => {
	it('name an unknown question type and the types there are, by section and question', () => {
		const input = definition([
			page('ledning', yesNo('x'), { code: 'vision', type: 'singel', text: { sv: 'V?' } })
		]);
		expect(errors(input, 'sv')).toEqual([
			'Avsnitt 1 ”ledning”, fråga 2 ”vision”, fältet ”type”: typen ”singel” finns inte. Välj en av: single, multi, scale, text, background.'
		]);
		expect(errors(input, 'en')).toEqual([
			'Section 1 "ledning", question 2 "vision", field "type": there is no type "singel". Choose one of: single, multi, scale, text, background.'
		]);
	});

	it('say what is missing, empty, of the wrong kind or unknown', () => {
		const input = {
			...definition([page('a', yesNo('x', { text: { sv: ' ' }, requried: true }), scale('s', { min: '1' }))]),
			title: { en: 'Test' },
			version: 0
		};
		expect(errors(input, 'sv')).toEqual([
			'Fältet ”version”: får inte vara mindre än 1',
			'Fältet ”title.sv”: saknas',
			'Avsnitt 1 ”a”, fråga 1 ”x”, fältet ”text.sv”: får inte vara tom',
			'Avsnitt 1 ”a”, fråga 1 ”x”: okänt fält ”requried” (felstavat?)',
			'Avsnitt 1 ”a”, fråga 2 ”s”, fältet ”min”: ska vara ett tal'
		]);
		expect(errors(input, 'en')).toEqual([
			'Field "version": must not be less than 1',
			'Field "title.sv": is missing',
			'Section 1 "a", question 1 "x", field "text.sv": must not be empty',
			'Section 1 "a", question 1 "x": unknown field "requried" (misspelt?)',
			'Section 1 "a", question 2 "s", field "min": must be a number'
		]);
	});

	it('explain badly formed codes and too few options, naming the option', () => {
		const input = definition(
			[
				page(
					'Sida1',
					yesNo('x', { options: [option('ja'), option('Vet ej')] }),
					multi('m', { options: [option('a')] })
				)
			],
			{ code: 'Min Enkät' }
		);
		expect(errors(input, 'sv')).toEqual([
			'Fältet ”code”: använd små bokstäver a–z, siffror, _ och -, och börja med en bokstav',
			'Avsnitt 1 ”Sida1”, fältet ”code”: använd små bokstäver a–z, siffror och _, och börja med en bokstav',
			'Avsnitt 1 ”Sida1”, fråga 1 ”x”, svarsalternativ 2 ”Vet ej”, fältet ”code”: använd små bokstäver a–z, siffror och _, och börja med en bokstav',
			'Avsnitt 1 ”Sida1”, fråga 2 ”m”, fältet ”options”: behöver minst 2 svarsalternativ'
		]);
	});

	it('translate the checks across fields: duplicates, scales, dimensions and conditions', () => {
		const input = definition(
			[
				page('a', yesNo('x'), freeText('t'), scale('s', { min: 5, max: 5 })),
				page(
					'b',
					yesNo('x'),
					yesNo('y', { showIf: { question: 'x', in: ['kanske'] } }),
					yesNo('z', { showIf: { question: 't', in: ['ja'] } }),
					yesNo('w', { showIf: { question: 'senare', in: ['ja'] }, dimension: 'okand' })
				)
			],
			{ dimensions: [{ code: 'd', label: { sv: 'D' } }] }
		);
		expect(errors(input, 'sv')).toEqual([
			'Avsnitt 1 ”a”, fråga 3 ”s”, fältet ”max”: max måste vara större än min',
			'Avsnitt 2 ”b”, fråga 1 ”x”, fältet ”code”: koden ”x” används redan',
			'Avsnitt 2 ”b”, fråga 2 ”y”, fältet ”showIf.in[0]”: ”kanske” är inget svarsalternativ till ”x”',
			'Avsnitt 2 ”b”, fråga 3 ”z”, fältet ”showIf.question”: ”t” är ingen fråga med svarsalternativ',
			'Avsnitt 2 ”b”, fråga 4 ”w”, fältet ”dimension”: dimensionen ”okand” finns inte',
			'Avsnitt 2 ”b”, fråga 4 ”w”, fältet ”showIf.question”: ”senare” är ingen tidigare fråga'
		]);
		expect(errors(input, 'en')).toEqual([
			'Section 1 "a", question 3 "s", field "max": max must be greater than min',
			'Section 2 "b", question 1 "x", field "code": the code "x" is already used',
			'Section 2 "b", question 2 "y", field "showIf.in[0]": "kanske" is not an option of "x"',
			'Section 2 "b", question 3 "z", field "showIf.question": "t" is not a choice question',
			'Section 2 "b", question 4 "w", field "dimension": there is no dimension "okand"',
			'Section 2 "b", question 4 "w", field "showIf.question": "senare" is not an earlier question'
		]);
	});

	it('translate the checks of a follow-up', () => {
		const input = definition([
			page('a', freeText('t', { followUpOf: 'senare' })),
			page('b', yesNo('senare'))
		]);
		expect(errors(input, 'sv')).toEqual([
			'Avsnitt 1 ”a”, fråga 1 ”t”, fältet ”followUpOf”: ”senare” är ingen tidigare fråga'
		]);
		expect(errors(input, 'en')).toEqual([
			'Section 1 "a", question 1 "t", field "followUpOf": "senare" is not an earlier question'
		]);
	});

	it('name key figures and maturity levels by number', () => {
		const input = definition([page('a', scale('s'))], {
			keyFigures: [{ question: 'saknas', measure: { kind: 'topBox' }, template: { sv: '{percent}' } }],
			levels: [
				{ code: 'lag', label: { sv: 'Låg' }, min: 0, max: 40 },
				{ code: 'hog', label: { sv: 'Hög' }, min: 45, max: 99 }
			]
		});
		expect(errors(input, 'sv')).toEqual([
			'Nyckeltal 1, fältet ”question”: frågan ”saknas” finns inte',
			'Nivå 2 ”hog”, fältet ”max”: den sista nivån måste sluta på 100',
			'Nivå 2 ”hog”, fältet ”min”: måste följa förra nivåns max (40) utan lucka eller överlapp'
		]);
	});

	it('call a file that is not an object the questionnaire', () => {
		expect(errors('enkät', 'sv')).toEqual(['Enkäten: ska vara ett objekt']);
		expect(errors([], 'en')).toEqual(['The questionnaire: must be an object']);
	});
});
