import { describe, expect, it } from 'vitest';
import type { TAnswerMap } from '../questionnaire/answer.ts';
import {
	builtInTemplate,
	definition,
	freeText,
	page,
	questionnaireFrom,
	yesNo
} from '../testing/questionnaires.ts';
import { locate, resumeSection, sectionAfter } from './flow.ts';

const template = builtInTemplate();
const single = (option: string) => ({ kind: 'single', option }) as const;
const codes = (items: { code: string }[]) => items.map((i) => i.code);
const INVITED = ['behov', 'vision', 'formaga', 'omvarld', 'kultur', 'stod'];

// "foljd" and "fordjupning" are pages of follow-up questions only: shown when a (and then b) is ja.
const conditional = questionnaireFrom(
	definition([
		page('start', yesNo('a')),
		page('foljd', yesNo('b', { showIf: { question: 'a', in: ['ja'] } })),
		page('fordjupning', freeText('c', { showIf: { question: 'b', in: ['ja'] } })),
		page('slut', freeText('d'))
	])
);

describe('locate', () => {
	it('places the first page at the start, with no previous page', () => {
		const position = locate(template, {}, 'invite', 'behov');
		expect(position && codes(position.sections)).toEqual(INVITED);
		expect(position?.index).toBe(0);
		expect(position?.section.code).toBe('behov');
		expect(position?.previous).toBeUndefined();
		expect(position?.next?.code).toBe('vision');
	});

	it('places a middle page between its neighbours', () => {
		const position = locate(template, {}, 'invite', 'formaga');
		expect(position?.index).toBe(2);
		expect(position?.previous?.code).toBe('vision');
		expect(position?.next?.code).toBe('omvarld');
	});

	it('places the last page with no next page: the review comes next', () => {
		const position = locate(template, {}, 'invite', 'stod');
		expect(position?.index).toBe(5);
		expect(position?.previous?.code).toBe('kultur');
		expect(position?.next).toBeUndefined();
	});

	it('counts the background page on open links only', () => {
		expect(locate(template, {}, 'invite', 'om_dig')).toBeUndefined();
		const position = locate(template, {}, 'open', 'om_dig');
		expect(position?.index).toBe(0);
		expect(position?.next?.code).toBe('behov');
		expect(locate(template, {}, 'open', 'behov')?.previous?.code).toBe('om_dig');
	});

	it('does not find an unknown page', () => {
		expect(locate(template, {}, 'invite', 'finns_inte')).toBeUndefined();
	});

	it('does not find a page that the answers so far hide', () => {
		expect(locate(conditional, {}, 'invite', 'foljd')).toBeUndefined();
		expect(locate(conditional, { a: single('nej') }, 'invite', 'foljd')).toBeUndefined();
	});

	it('finds a conditional page once its condition holds, between its neighbours', () => {
		const position = locate(conditional, { a: single('ja') }, 'invite', 'foljd');
		expect(position && codes(position.sections)).toEqual(['start', 'foljd', 'slut']);
		expect(position?.index).toBe(1);
		expect(position?.previous?.code).toBe('start');
		expect(position?.next?.code).toBe('slut');
	});

	it('skips a hidden page when naming the neighbours', () => {
		const position = locate(conditional, { a: single('nej') }, 'invite', 'slut');
		expect(position?.index).toBe(1);
		expect(position?.previous?.code).toBe('start');
	});
});

describe('resumeSection', () => {
	it('starts a new respondent on the first page', () => {
		expect(resumeSection(template, {}, 'invite', null)?.code).toBe('behov');
		expect(resumeSection(template, {}, 'open', null)?.code).toBe('om_dig');
	});

	it('resumes on the saved page', () => {
		expect(resumeSection(template, {}, 'invite', 'kultur')?.code).toBe('kultur');
		expect(resumeSection(template, {}, 'invite', 'stod')?.code).toBe('stod');
	});

	it('starts over on the first page when the saved page is hidden or unknown', () => {
		expect(resumeSection(conditional, { a: single('nej') }, 'invite', 'foljd')?.code).toBe('start');
		expect(resumeSection(template, {}, 'invite', 'om_dig')?.code).toBe('behov');
		expect(resumeSection(template, {}, 'invite', 'borttagen')?.code).toBe('behov');
	});

	it('resumes on a conditional page whose condition holds', () => {
		const answers: TAnswerMap = { a: single('ja'), b: single('ja') };
		expect(resumeSection(conditional, answers, 'invite', 'fordjupning')?.code).toBe('fordjupning');
	});
});

describe('sectionAfter', () => {
	it('goes from the first page to the second', () => {
		expect(sectionAfter(template, {}, 'invite', 'behov')?.code).toBe('vision');
		expect(sectionAfter(template, {}, 'open', 'om_dig')?.code).toBe('behov');
	});

	it('goes from a middle page to the next', () => {
		expect(sectionAfter(template, {}, 'invite', 'omvarld')?.code).toBe('kultur');
	});

	it('gives nothing after the last page: the review comes next', () => {
		expect(sectionAfter(template, {}, 'invite', 'stod')).toBeUndefined();
		expect(sectionAfter(conditional, {}, 'invite', 'slut')).toBeUndefined();
	});

	it('goes to a conditional page when the answer just given shows it', () => {
		expect(sectionAfter(conditional, { a: single('ja') }, 'invite', 'start')?.code).toBe('foljd');
		expect(sectionAfter(conditional, { a: single('ja'), b: single('ja') }, 'invite', 'foljd')?.code).toBe(
			'fordjupning'
		);
	});

	it('skips conditional pages the answers hide', () => {
		expect(sectionAfter(conditional, { a: single('nej') }, 'invite', 'start')?.code).toBe('slut');
		expect(sectionAfter(conditional, { a: single('ja'), b: single('nej') }, 'invite', 'foljd')?.code).toBe(
			'slut'
		);
	});

	it('goes on in questionnaire order from a page the new answers hide', () => {
		// The respondent is on "foljd" and changes nothing there, but an earlier answer now hides it.
		expect(sectionAfter(conditional, { a: single('nej') }, 'invite', 'foljd')?.code).toBe('slut');
	});
});
