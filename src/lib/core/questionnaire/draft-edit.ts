import type { TQuestionnaire, TText } from './definition.ts';
import { parseQuestionnaire } from './parse-questionnaire.ts';

/** A text as the designer's form gives it: Swedish always, English when filled in. */
export interface TTextInput {
	sv: string;
	en: string;
}

/**
 * One change to a draft, as one form of the designer posts it. Codes stay as they are: a draft made from a
 * published version keeps its question and option codes, so waves of the two versions compare.
 */
export type TDraftEdit =
	| { target: 'questionnaire'; title: TTextInput; description: TTextInput }
	| { target: 'section'; section: string; title: TTextInput; intro: TTextInput }
	| {
			target: 'question';
			question: string;
			text: TTextInput;
			help: TTextInput;
			topic: TTextInput;
			required: boolean;
	  };

export type TDraftEditResult =
	| { ok: true; definition: TQuestionnaire }
	| { ok: false; reason: 'unknown-section' | 'unknown-question' }
	| { ok: false; reason: 'invalid'; errors: string[] };

/** A required text: Swedish, with English only when given. */
const text = (input: TTextInput): TText => ({ sv: input.sv, ...(input.en ? { en: input.en } : {}) });

/** An optional text: none when the Swedish is empty. */
const optionalText = (input: TTextInput): TText | undefined => (input.sv ? text(input) : undefined);

/** Sets or removes an optional field, so that an emptied text leaves no key behind. */
function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
	if (value === undefined) delete target[key];
	else target[key] = value;
}

/**
 * Applies one edit to a draft's definition and checks the result as publishing will (the questionnaire
 * model's every rule): the new definition, or why not (with the model's errors in `lang`). The draft
 * given is not changed.
 */
export function applyDraftEdit(draft: TQuestionnaire, edit: TDraftEdit, lang: 'sv' | 'en'): TDraftEditResult {
	const next = structuredClone(draft);
	if (edit.target === 'questionnaire') {
		next.title = text(edit.title);
		setOptional(next, 'description', optionalText(edit.description));
	} else if (edit.target === 'section') {
		const section = next.sections.find((s) => s.code === edit.section);
		if (!section) return { ok: false, reason: 'unknown-section' };
		section.title = text(edit.title);
		setOptional(section, 'intro', optionalText(edit.intro));
	} else {
		const question = next.sections.flatMap((s) => s.questions).find((q) => q.code === edit.question);
		if (!question) return { ok: false, reason: 'unknown-question' };
		question.text = text(edit.text);
		setOptional(question, 'help', optionalText(edit.help));
		setOptional(question, 'topic', optionalText(edit.topic));
		question.required = edit.required;
	}
	const parsed = parseQuestionnaire(next, { lang });
	return parsed.ok
		? { ok: true, definition: parsed.questionnaire }
		: { ok: false, reason: 'invalid', errors: parsed.errors };
}
