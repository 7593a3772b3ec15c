import type { TAnswer } from './answer.ts';
import type { TQuestion } from './definition.ts';
import { fieldName, otherFieldName } from './parse-section-form.ts';

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

/**
 * A refused post's fields as they are shown again: exactly what was typed, except that a multiple
 * choice's "annat" box is shown checked when its text was filled in, since typing there is choosing it
 * (`parseSectionForm`), so that a follow-up that choice reveals on the page shows too.
 */
export function postedFormValues(
	question: TQuestion,
	raw: Record<string, string[]>
): { values: string[]; other: string } {
	const values = raw[fieldName(question.code)] ?? [];
	const other = raw[otherFieldName(question.code)]?.[0] ?? '';
	const otherOption = question.type === 'multi' ? question.options.find((o) => o.other)?.code : undefined;
	if (otherOption && other.trim() !== '' && !values.includes(otherOption))
		return { values: [...values, otherOption], other };
	return { values, other };
}
