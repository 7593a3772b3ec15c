import type { TAnswer } from './answer.ts';

/** A saved answer as the values of its form fields, to fill in a page again. */
export function answerToFormValues(answer: TAnswer | undefined): { values: string[]; other: string } {
	if (!answer) return { values: [], other: '' };
	switch (answer.kind) {
		case 'single':
			return { values: [answer.option], other: '' };
		case 'multi':
			return { values: answer.options, other: answer.other ?? '' };
		case 'scale':
			return { values: [String(answer.value)], other: '' };
		case 'text':
			return { values: [answer.value], other: '' };
	}
}
