import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	freeText,
	multi,
	page,
	questionnaireFrom,
	questionOf,
	sectionOf,
	yesNo
} from '../testing/questionnaires.ts';
import type { TAnswerMap } from './answer.ts';
import {
	isQuestionVisible,
	pageQuestions,
	pruneHidden,
	visibleQuestions,
	visibleSections
} from './visibility.ts';

const template = builtInTemplate();
const single = (option: string) => ({ kind: 'single', option }) as const;
const codes = (items: { code: string }[]) => items.map((i) => i.code);

// a → b (if a is ja) → c (if b is ja); m is a multiple choice that d depends on.
const chain = questionnaireFrom(
	definition([
		page('p1', yesNo('a'), multi('m')),
		page('p2', yesNo('b', { showIf: { question: 'a', in: ['ja'] } })),
		page('p3', freeText('c', { showIf: { question: 'b', in: ['ja'] } })),
		page('p4', freeText('d', { showIf: { question: 'm', in: ['b', 'annat'] } }), freeText('e'))
	])
);

describe('isQuestionVisible', () => {
	const varfor = questionOf(template, 'beslutskapacitet_varfor');

	it('always shows a question without a condition', () => {
		expect(isQuestionVisible(questionOf(template, 'it_arv'), {})).toBe(true);
	});

	it('shows a follow-up question for each answer its condition lists', () => {
		expect(isQuestionVisible(varfor, { beslutskapacitet: single('nej') })).toBe(true);
		expect(isQuestionVisible(varfor, { beslutskapacitet: single('vet_ej') })).toBe(true);
	});

	it('hides a follow-up question for another answer or none', () => {
		expect(isQuestionVisible(varfor, { beslutskapacitet: single('ja') })).toBe(false);
		expect(isQuestionVisible(varfor, {})).toBe(false);
	});

	it('shows a question conditional on a multiple choice when any listed option is chosen', () => {
		const d = questionOf(chain, 'd');
		expect(isQuestionVisible(d, { m: { kind: 'multi', options: ['a', 'b'] } })).toBe(true);
		expect(isQuestionVisible(d, { m: { kind: 'multi', options: ['annat'], other: 'X' } })).toBe(true);
		expect(isQuestionVisible(d, { m: { kind: 'multi', options: ['a'] } })).toBe(false);
		expect(isQuestionVisible(d, { m: { kind: 'multi', options: [] } })).toBe(false);
	});

	it('hides a question whose condition question holds an answer of another kind', () => {
		expect(isQuestionVisible(varfor, { beslutskapacitet: { kind: 'text', value: 'nej' } })).toBe(false);
	});
});

describe('visibleQuestions', () => {
	it('shows background questions on open links only', () => {
		const omDig = sectionOf(template, 'om_dig');
		expect(codes(visibleQuestions(omDig, {}, 'invite'))).toEqual([]);
		expect(codes(visibleQuestions(omDig, {}, 'open'))).toEqual(['organisation', 'roll']);
	});

	it("leaves out the page's hidden follow-up questions, keeping the order", () => {
		const kultur = sectionOf(template, 'kultur');
		expect(codes(visibleQuestions(kultur, { kultur: single('nej') }, 'invite'))).toEqual([
			'kultur',
			'kultur_varfor',
			'kultur_atgarder',
			'kompetens'
		]);
		expect(codes(visibleQuestions(kultur, { kultur: single('ja') }, 'invite'))).toEqual([
			'kultur',
			'kultur_atgarder',
			'kompetens'
		]);
	});
});

describe('visibleSections', () => {
	it('skips the background page for invited respondents and shows it on open links', () => {
		const pages = ['behov', 'vision', 'formaga', 'omvarld', 'kultur', 'stod'];
		expect(codes(visibleSections(template, {}, 'invite'))).toEqual(pages);
		expect(codes(visibleSections(template, {}, 'open'))).toEqual(['om_dig', ...pages]);
	});

	it('shows a page of only follow-up questions only when one of them shows', () => {
		expect(codes(visibleSections(chain, {}, 'invite'))).toEqual(['p1', 'p4']);
		expect(codes(visibleSections(chain, { a: single('ja') }, 'invite'))).toEqual(['p1', 'p2', 'p4']);
		expect(codes(visibleSections(chain, { a: single('ja'), b: single('ja') }, 'invite'))).toEqual([
			'p1',
			'p2',
			'p3',
			'p4'
		]);
	});
});

describe('pruneHidden', () => {
	it('removes the answers to questions that are hidden and keeps the rest', () => {
		const answers: TAnswerMap = {
			beslutskapacitet: single('ja'),
			beslutskapacitet_varfor: { kind: 'text', value: 'Skrivet innan svaret ändrades' },
			it_arv: single('ja'),
			it_arv_kommentar: { kind: 'text', value: 'Gamla system' }
		};
		expect(pruneHidden(template, answers, 'invite')).toEqual({
			beslutskapacitet: single('ja'),
			it_arv: single('ja'),
			it_arv_kommentar: { kind: 'text', value: 'Gamla system' }
		});
	});

	it('follows a chain: hiding one question hides the questions conditional on it', () => {
		const answers: TAnswerMap = {
			a: single('nej'),
			b: single('ja'),
			c: { kind: 'text', value: 'Följdsvar' },
			e: { kind: 'text', value: 'Sist' }
		};
		expect(pruneHidden(chain, answers, 'invite')).toEqual({
			a: single('nej'),
			e: { kind: 'text', value: 'Sist' }
		});
	});

	it('keeps a whole chain whose conditions hold', () => {
		const answers: TAnswerMap = {
			a: single('ja'),
			b: single('ja'),
			c: { kind: 'text', value: 'Följdsvar' },
			m: { kind: 'multi', options: ['b'] },
			d: { kind: 'text', value: 'Om b' }
		};
		expect(pruneHidden(chain, answers, 'invite')).toEqual(answers);
	});

	it('drops answers to questions the questionnaire does not have', () => {
		expect(pruneHidden(chain, { a: single('ja'), borttagen: single('ja') }, 'invite')).toEqual({
			a: single('ja')
		});
	});

	it('leaves the given answers unchanged', () => {
		const answers: TAnswerMap = { a: single('nej'), b: single('ja') };
		pruneHidden(chain, answers, 'invite');
		expect(answers).toEqual({ a: single('nej'), b: single('ja') });
	});
});

describe('pageQuestions', () => {
	// On page p2: b (multiple choice) follows up a (earlier page); c and d follow b on the page, e follows
	// c, f follows m.
	const q = questionnaireFrom(
		definition([
			page('p1', yesNo('a'), multi('m')),
			page(
				'p2',
				multi('b', { showIf: { question: 'a', in: ['ja'] } }),
				yesNo('c', { showIf: { question: 'b', in: ['a', 'b'] } }),
				freeText('d', { showIf: { question: 'b', in: ['a'] } }),
				freeText('e', { showIf: { question: 'c', in: ['nej'] } }),
				freeText('f', { showIf: { question: 'm', in: ['a'] } }),
				freeText('g')
			)
		])
	);
	const p2 = sectionOf(q, 'p2');

	it('draws the follow-ups of questions on the page, numbered, with the options that open them', () => {
		const drawn = pageQuestions(p2, { a: single('ja') }, 'invite');
		expect(codes(drawn.questions)).toEqual(['b', 'c', 'd', 'e', 'g']);
		expect(drawn.reveals).toEqual({
			c: [1],
			d: [2],
			// Shown only while c is: within c's reveal and its own.
			e: [1, 3]
		});
		expect(drawn.opens).toEqual({
			b: { a: [1, 2], b: [1] },
			c: { nej: [3] }
		});
	});

	it('leaves out the follow-ups of a question the earlier answers hide, and follows earlier pages as before', () => {
		const drawn = pageQuestions(p2, { a: single('nej'), m: { kind: 'multi', options: ['a'] } }, 'invite');
		expect(codes(drawn.questions)).toEqual(['f', 'g']);
		expect(drawn.reveals).toEqual({});
	});

	it('draws a follow-up on the page whatever its stored answer says: the answer posted decides', () => {
		const drawn = pageQuestions(p2, { a: single('ja'), b: { kind: 'multi', options: ['annat'] } }, 'invite');
		expect(codes(drawn.questions)).toEqual(['b', 'c', 'd', 'e', 'g']);
	});
});
