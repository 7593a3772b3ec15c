import type { TAnswer } from './answer.ts';
import type { TQuestion } from './definition.ts';
import { t } from './text.ts';

/** An answer in words for the respondent's review page; null when unanswered. */
export function describeAnswer(
	question: TQuestion,
	answer: TAnswer | undefined,
	lang: string
): string | null {
	if (!answer) return null;
	const label = (code: string) => {
		const options = question.type === 'single' || question.type === 'multi' ? question.options : [];
		const option = options.find((o) => o.code === code);
		return option ? t(option.label, lang) : code;
	};
	switch (answer.kind) {
		case 'single':
			return label(answer.option);
		case 'multi':
			return answer.options
				.map((code) =>
					answer.other && isOther(question, code) ? `${label(code)}: ${answer.other}` : label(code)
				)
				.join(', ');
		case 'scale':
			return question.type === 'scale'
				? `${answer.value} (${question.min}–${question.max})`
				: String(answer.value);
		case 'text':
			return answer.value;
	}
}

const isOther = (question: TQuestion, code: string) =>
	question.type === 'multi' && question.options.some((o) => o.code === code && o.other);
