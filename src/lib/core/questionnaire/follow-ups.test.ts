import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	freeText,
	page,
	questionnaireFrom,
	SEED_TOPICS,
	yesNo
} from '../testing/questionnaires.ts';
import { followUpParents } from './follow-ups.ts';

describe('followUpParents', () => {
	it('gives a conditional question the question its condition refers to, and a chain its first question', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page('a', yesNo('x'), yesNo('fristaende')),
				page('b', yesNo('y', { showIf: { question: 'x', in: ['ja'] } })),
				page('c', freeText('z', { showIf: { question: 'y', in: ['nej'] } }))
			])
		);
		expect(followUpParents(questionnaire)).toEqual(
			new Map([
				['y', 'x'],
				['z', 'x']
			])
		);
	});

	it('takes a stated follow-up before a condition, and follows it up a chain too', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page('a', yesNo('x'), yesNo('v'), freeText('k', { followUpOf: 'x' })),
				page('b', freeText('y', { followUpOf: 'k', showIf: { question: 'v', in: ['ja'] } }))
			])
		);
		expect(followUpParents(questionnaire)).toEqual(
			new Map([
				['k', 'x'],
				['y', 'x']
			])
		);
	});

	it("folds the built-in template's 18 questions into the seed's 11 topics", () => {
		const questionnaire = builtInTemplate();
		const parents = followUpParents(questionnaire);
		expect(Object.fromEntries(parents)).toEqual({
			behov_kommentar: 'behov',
			ledning_delar: 'behov',
			vision_kommentar: 'vision',
			beslutskapacitet_varfor: 'beslutskapacitet',
			it_arv_kommentar: 'it_arv',
			kultur_varfor: 'kultur',
			kultur_atgarder: 'kultur'
		});
		const reported = questionnaire.sections
			.flatMap((s) => s.questions)
			.filter((q) => q.type !== 'background');
		const topics = reported.filter((q) => !parents.has(q.code));
		expect(reported).toHaveLength(18);
		expect(topics.map((q) => q.topic?.sv)).toEqual(SEED_TOPICS);
		// A follow-up's heading is its parent's: it has no topic of its own.
		expect(reported.filter((q) => parents.has(q.code) && q.topic)).toEqual([]);
	});
});
