import type { TQuestion, TText } from './definition.ts';

type TRespondentQuestion = Exclude<TQuestion, { type: 'background' }>;
type TEditedText = { sv: string; en: string };

/** A question as the designer's form shows it: its stored texts and settings, Swedish and English. */
export interface TEditedQuestion {
	code: string;
	type: TQuestion['type'];
	text: TEditedText;
	help: TEditedText;
	required: boolean;
	options: Array<{ code: string; label: TEditedText }>;
	scale: { min: number; max: number; minLabel: TEditedText; maxLabel: TEditedText } | null;
	freeText: { multiline: boolean; maxLength: string } | null;
	/** A multiple choice's "annat" option code ('' for none); null for other types. */
	other: string | null;
}

const MAX_LENGTH = 20000;

/**
 * The question as a respondent would see it with what is typed in the designer's form so far (its
 * fields by name, as the form posts them: `text_sv`, `option.ja_en`, `required`, `lines`, …), for the
 * live preview beside the form. Fields not in `form` keep their stored value; a background question has
 * no respondent page of its own (null).
 */
export function previewQuestion(
	question: TEditedQuestion,
	form: Record<string, string> | undefined,
	/** The preview's code, so that its field ids do not repeat the page's. */
	code: string
): TRespondentQuestion | null {
	const field = (name: string, stored: string) => (form ? (form[name] ?? stored) : stored);
	const textOf = (name: string, stored: TEditedText): TText => {
		const sv = field(`${name}_sv`, stored.sv).trim();
		const en = field(`${name}_en`, stored.en).trim();
		return en ? { sv, en } : { sv };
	};
	const optionalText = (name: string, stored: TEditedText): TText | undefined => {
		const value = textOf(name, stored);
		return value.sv || value.en ? value : undefined;
	};
	const base = {
		code,
		text: textOf('text', question.text),
		help: optionalText('help', question.help),
		// An unchecked box is not posted: once the form is read, its absence is "not required".
		required: form ? form.required !== undefined : question.required,
		reversed: false
	};
	const options = question.options.map((o) => ({
		code: o.code,
		label: textOf(`option.${o.code}`, o.label)
	}));
	switch (question.type) {
		case 'single':
			return { ...base, type: 'single', options };
		case 'multi': {
			const other = field('other', question.other ?? '');
			return { ...base, type: 'multi', options: options.map((o) => ({ ...o, other: o.code === other })) };
		}
		case 'scale': {
			const scale = question.scale ?? {
				min: 1,
				max: 5,
				minLabel: { sv: '', en: '' },
				maxLabel: { sv: '', en: '' }
			};
			return {
				...base,
				type: 'scale',
				min: scale.min,
				max: scale.max,
				minLabel: optionalText('minLabel', scale.minLabel),
				maxLabel: optionalText('maxLabel', scale.maxLabel)
			};
		}
		case 'text': {
			const stored = question.freeText ?? { multiline: true, maxLength: '5000' };
			const length = Number(field('maxLength', stored.maxLength));
			return {
				...base,
				type: 'text',
				multiline: field('lines', stored.multiline ? 'many' : 'one') !== 'one',
				maxLength: Number.isInteger(length) && length >= 1 && length <= MAX_LENGTH ? length : 5000
			};
		}
		case 'background':
			return null;
	}
}
