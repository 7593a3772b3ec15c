import { describe, expect, it } from 'vitest';
import { definition, freeText, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { pageStep, pageView, reviewView } from './page-step.ts';

// "foljd" is shown only when a is ja; b is required.
const questionnaire = questionnaireFrom(
	definition([
		page('start', yesNo('a', { required: true })),
		page('foljd', freeText('b', { showIf: { question: 'a', in: ['ja'] } })),
		page('slut', freeText('c'))
	])
);
const step = (sectionCode: string, form: Array<[string, string]>, answers = {}) =>
	pageStep({ questionnaire, answers, mode: 'invite', sectionCode, form, lang: 'sv' });

describe('a respondent page', () => {
	it('shows its questions, position and saved values', () => {
		const view = pageView(questionnaire, { a: { kind: 'single', option: 'ja' } }, 'invite', 'start', 'sv');
		expect(view).toMatchObject({ index: 1, total: 3, hasPrevious: false, isLast: false });
		expect(view?.saved.a).toEqual({ values: ['ja'], other: '' });
		expect(pageView(questionnaire, {}, 'invite', 'foljd', 'sv')).toBeUndefined();
	});

	it('moves on past a page its condition hides, and to it when the condition holds', () => {
		expect(step('start', [['q.a', 'nej']])).toMatchObject({ ok: true, target: 'slut' });
		expect(step('start', [['q.a', 'ja']])).toMatchObject({
			ok: true,
			action: 'next',
			target: 'foljd',
			merged: { a: { kind: 'single', option: 'ja' } }
		});
	});

	it('refuses to move on without a required answer, but goes back or saves for later', () => {
		const refused = step('start', [['_action', 'next']]);
		expect(refused).toMatchObject({ ok: false, errors: [{ question: 'a' }] });
		expect(step('start', [['_action', 'save']])).toMatchObject({ ok: true, action: 'save', target: 'start' });
		const back = step('slut', [['_action', 'back']], { a: { kind: 'single', option: 'ja' } });
		expect(back).toMatchObject({ ok: true, action: 'back', target: 'foljd' });
	});

	it("replaces the page's earlier answers and keeps the others; after the last page comes the review", () => {
		const earlier = { a: { kind: 'single', option: 'nej' }, c: { kind: 'text', value: 'gammal' } } as const;
		const last = step('slut', [['q.c', '']], earlier);
		expect(last).toMatchObject({ ok: true, target: undefined, merged: { a: earlier.a } });
		expect(last?.ok && 'c' in last.merged).toBe(false);
	});

	it('reviews only the pages shown, with the missing required answers', () => {
		const review = reviewView(questionnaire, {}, 'invite', 'sv');
		expect(review.sections.map((s) => s.code)).toEqual(['start', 'slut']);
		expect(review.sections[0]?.questions[0]).toMatchObject({ code: 'a', missing: true, answer: null });
	});
});
