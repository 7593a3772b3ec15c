import type { TAnswer, TAnswerMap } from './answer.ts';
import type { TQuestion, TQuestionnaire, TSection } from './definition.ts';
import { isQuestionVisible, type TMode } from './visibility.ts';

export interface TFieldError {
	/** Question code; '' for an error about the form as a whole. */
	question: string;
	/** The input's name, '' for the whole form. */
	field: string;
	message: string;
}

export interface ParseSectionFormOptions {
	questionnaire: TQuestionnaire;
	section: TSection;
	/** Every posted name/value pair, in order. */
	form: Array<[string, string]>;
	/** Answers so far, for the conditions of this page's questions on earlier pages. */
	previous: TAnswerMap;
	mode: TMode;
	lang: 'sv' | 'en';
}

export interface ParseSectionFormResult {
	/** Every valid answer on the page, also when other answers on it have errors. */
	answers: TAnswerMap;
	errors: TFieldError[];
	/** The posted question fields as they were typed, to show them again. */
	raw: Record<string, string[]>;
}

/** The form field of a question. */
export const fieldName = (code: string): string => `q.${code}`;
/** The free-text field of a multiple-choice question's "other" option. */
export const otherFieldName = (code: string): string => `q.${code}.other`;

const OTHER_MAX = 500;

const messages = {
	sv: {
		required: 'Frågan måste besvaras.',
		choose: 'Välj ett av alternativen.',
		chooseOne: 'Välj bara ett alternativ.',
		chooseAmong: 'Välj bland alternativen.',
		scale: (min: number, max: number) => `Svaret måste vara ett heltal mellan ${min} och ${max}.`,
		tooLong: (max: number) => `Texten får vara högst ${new Intl.NumberFormat('sv-SE').format(max)} tecken.`,
		invalidChars: 'Texten innehåller ogiltiga tecken. Skriv om den och försök igen.',
		unknownFields: (names: string) => `Formuläret innehöll okända fält: ${names}.`
	},
	en: {
		required: 'This question is required.',
		choose: 'Choose one of the options.',
		chooseOne: 'Choose only one option.',
		chooseAmong: 'Choose among the options.',
		scale: (min: number, max: number) => `The answer must be a whole number from ${min} to ${max}.`,
		tooLong: (max: number) =>
			`The text can be at most ${new Intl.NumberFormat('en-GB').format(max)} characters.`,
		invalidChars: 'The text contains invalid characters. Please retype it and try again.',
		unknownFields: (names: string) => `The form contained unknown fields: ${names}.`
	}
};

// U+FFFD is what invalid UTF-8 decodes to; C0 controls other than tab and line breaks are never typed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVALID_CHARS = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Validates one posted page of a questionnaire on the server; no JavaScript runs in the respondent's browser. */
export function parseSectionForm(options: ParseSectionFormOptions): ParseSectionFormResult {
	const { section, form, previous, lang } = options;
	const text = messages[lang];
	const raw: Record<string, string[]> = {};
	const unknown: string[] = [];
	const questions = section.questions.filter((q) => q.type !== 'background');
	const known = new Set(
		questions.flatMap((q) => [fieldName(q.code), ...(q.type === 'multi' ? [otherFieldName(q.code)] : [])])
	);
	for (const [name, value] of form) {
		if (name.startsWith('_')) continue;
		if (!known.has(name)) {
			if (!unknown.includes(name)) unknown.push(name);
			continue;
		}
		raw[name] ??= [];
		raw[name].push(value);
	}

	const answers: TAnswerMap = {};
	const errors: TFieldError[] = [];
	if (unknown.length > 0) {
		errors.push({
			question: '',
			field: '',
			message: text.unknownFields(
				unknown
					.slice(0, 5)
					.map((n) => n.slice(0, 40))
					.join(', ')
			)
		});
	}
	// Conditions refer to earlier questions: those of earlier pages are decided by the answers so far,
	// those of this page by what was posted, read in page order. An answer to a question its condition
	// hides is dropped, whatever the browser sent.
	const onPage = new Set(section.questions.map((q) => q.code));
	const earlier: TAnswerMap = Object.fromEntries(
		Object.entries(previous).filter(([code]) => !onPage.has(code))
	);
	for (const q of questions) {
		if (!isQuestionVisible(q, { ...earlier, ...answers })) continue;
		const field = fieldName(q.code);
		const result = parseQuestion(q, raw[field] ?? [], raw[otherFieldName(q.code)] ?? [], text);
		if ('error' in result) errors.push({ question: q.code, field, message: result.error });
		else if (result.answer) answers[q.code] = result.answer;
		else if (q.required) errors.push({ question: q.code, field, message: text.required });
	}
	return { answers, errors, raw };
}

type TMessages = (typeof messages)['sv'];
type TParsed = { answer: TAnswer | null } | { error: string };

function parseQuestion(q: TQuestion, values: string[], otherValues: string[], text: TMessages): TParsed {
	const given = values.filter((v) => v !== '');
	switch (q.type) {
		case 'single': {
			if (given.length === 0) return { answer: null };
			if (given.length > 1) return { error: text.chooseOne };
			const option = given[0] ?? '';
			return q.options.some((o) => o.code === option)
				? { answer: { kind: 'single', option } }
				: { error: text.choose };
		}
		case 'multi': {
			const chosen = [...new Set(given)];
			if (chosen.some((c) => !q.options.some((o) => o.code === c))) return { error: text.chooseAmong };
			const otherOption = q.options.find((o) => o.other)?.code;
			const other = cleanText(otherValues.join(' '));
			if (other !== null && other.length > 0) {
				if (INVALID_CHARS.test(other)) return { error: text.invalidChars };
				if ([...other].length > OTHER_MAX) return { error: text.tooLong(OTHER_MAX) };
				// Typing in "other" is choosing it.
				if (otherOption && !chosen.includes(otherOption)) chosen.push(otherOption);
			}
			if (chosen.length === 0) return { answer: null };
			const answer: TAnswer = { kind: 'multi', options: chosen.sort() };
			if (other && otherOption) answer.other = other;
			return { answer };
		}
		case 'scale': {
			if (given.length === 0) return { answer: null };
			const value = given[0]?.trim() ?? '';
			const n = Number(value);
			if (given.length > 1 || !/^-?\d+$/.test(value) || n < q.min || n > q.max)
				return { error: text.scale(q.min, q.max) };
			return { answer: { kind: 'scale', value: n } };
		}
		case 'text': {
			const value = cleanText(values.join('\n'));
			if (!value) return { answer: null };
			if (INVALID_CHARS.test(value)) return { error: text.invalidChars };
			if ([...value].length > q.maxLength) return { error: text.tooLong(q.maxLength) };
			return { answer: { kind: 'text', value } };
		}
		case 'background':
			return { answer: null };
	}
}

function cleanText(value: string): string | null {
	const cleaned = value.replace(/\r\n?/g, '\n').normalize('NFC').trim();
	return cleaned.length > 0 ? cleaned : null;
}
