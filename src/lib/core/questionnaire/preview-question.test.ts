import { describe, expect, it } from 'vitest';
import { previewQuestion, type TEditedQuestion } from './preview-question.ts';

const blank = { sv: '', en: '' };
const edited = (extra: Partial<TEditedQuestion>): TEditedQuestion => ({
	code: 'q',
	type: 'single',
	text: { sv: 'Fråga?', en: 'Question?' },
	help: blank,
	required: true,
	options: [
		{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
		{ code: 'nej', label: { sv: 'Nej', en: '' } }
	],
	scale: null,
	freeText: null,
	other: null,
	...extra
});

describe('previewQuestion', () => {
	it('shows the stored question before anything is typed, under the preview code', () => {
		expect(previewQuestion(edited({}), undefined, 'preview-q')).toEqual({
			code: 'preview-q',
			type: 'single',
			text: { sv: 'Fråga?', en: 'Question?' },
			help: undefined,
			required: true,
			reversed: false,
			options: [
				{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
				{ code: 'nej', label: { sv: 'Nej' } }
			]
		});
	});

	it('takes what the form holds: texts, help, labels, and an unchecked "required" as not required', () => {
		const form = { text_sv: ' Ny fråga? ', text_en: '', help_sv: 'Hjälp', 'option.nej_sv': 'Nej tack' };
		expect(previewQuestion(edited({}), form, 'p')).toMatchObject({
			text: { sv: 'Ny fråga?' },
			help: { sv: 'Hjälp' },
			required: false,
			options: [
				{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
				{ code: 'nej', label: { sv: 'Nej tack' } }
			]
		});
	});

	it('marks the multiple choice\'s "annat" option, and reads a scale\'s end labels', () => {
		const multi = edited({ type: 'multi', other: '' });
		expect(previewQuestion(multi, { other: 'nej', required: 'on' }, 'p')).toMatchObject({
			type: 'multi',
			required: true,
			options: [
				{ code: 'ja', other: false },
				{ code: 'nej', other: true }
			]
		});
		const scale = edited({
			type: 'scale',
			options: [],
			scale: { min: 1, max: 10, minLabel: { sv: 'Litet', en: '' }, maxLabel: blank }
		});
		expect(previewQuestion(scale, { maxLabel_sv: 'Stort' }, 'p')).toMatchObject({
			type: 'scale',
			min: 1,
			max: 10,
			minLabel: { sv: 'Litet' },
			maxLabel: { sv: 'Stort' }
		});
	});

	it('shows a free text on one line or several, keeping a valid length only, and no background question', () => {
		const text = edited({ type: 'text', options: [], freeText: { multiline: true, maxLength: '500' } });
		expect(previewQuestion(text, { lines: 'one', maxLength: '80' }, 'p')).toMatchObject({
			multiline: false,
			maxLength: 80
		});
		expect(previewQuestion(text, { lines: 'many', maxLength: 'många' }, 'p')).toMatchObject({
			multiline: true,
			maxLength: 5000
		});
		expect(previewQuestion(edited({ type: 'background', options: [] }), undefined, 'p')).toBeNull();
	});
});
