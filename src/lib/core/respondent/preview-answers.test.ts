import { describe, expect, it } from 'vitest';
import { definition, freeText, page, questionnaireFrom, scale, yesNo } from '../testing/questionnaires.ts';
import { decodePreviewAnswers, encodePreviewAnswers } from './preview-answers.ts';

const questionnaire = questionnaireFrom(
	definition([page('p', yesNo('a'), scale('b', { min: 1, max: 5 }), freeText('c'))])
);

describe('the answers a preview carries in its addresses', () => {
	it('come back as they were given, texts with markup and quotes included', () => {
		const answers = {
			a: { kind: 'single', option: 'ja' },
			b: { kind: 'scale', value: 4 },
			c: { kind: 'text', value: '<script>"å" & \'ä\'</script>' }
		} as const;
		const encoded = encodePreviewAnswers(answers);
		expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(decodePreviewAnswers(encoded, questionnaire)).toEqual(answers);
	});

	it('leave out what is not an answer of this questionnaire, of its question kind', () => {
		const encoded = encodePreviewAnswers({
			a: { kind: 'scale', value: 3 },
			b: { kind: 'scale', value: 2 },
			gone: { kind: 'text', value: 'x' },
			c: { kind: 'text', value: 42 } as never
		});
		expect(decodePreviewAnswers(encoded, questionnaire)).toEqual({ b: { kind: 'scale', value: 2 } });
	});

	it('start empty for a missing, broken or oversized parameter', () => {
		expect(decodePreviewAnswers(null, questionnaire)).toEqual({});
		expect(decodePreviewAnswers('%%%', questionnaire)).toEqual({});
		expect(decodePreviewAnswers(Buffer.from('[1,2]').toString('base64url'), questionnaire)).toEqual({});
		expect(decodePreviewAnswers(Buffer.from('{"a":').toString('base64url'), questionnaire)).toEqual({});
		expect(decodePreviewAnswers('A'.repeat(70_000), questionnaire)).toEqual({});
	});
});
