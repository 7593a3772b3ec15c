import type { TQuestionnaire, TText } from './definition.ts';
import { parseQuestionnaire } from './parse-questionnaire.ts';
import { applyTranslationEdit, type TTranslationEdit } from './translations.ts';

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
			/** A choice question's option labels by option code (codes stay). */
			options?: Record<string, TTextInput>;
			/** A scale's end labels. */
			minLabel?: TTextInput;
			maxLabel?: TTextInput;
			/** The maturity dimension the question measures (null: none), and whether agreeing scores low. */
			dimension?: string | null;
			reversed?: boolean;
			/** The earlier question it follows up in the report (null: none). */
			followUpOf?: string | null;
			/** A scale's top box: the points from `from` up, counted together under `label` (null: none). */
			topBox?: { from: number; label: TTextInput } | null;
			/** A free-text question: one line or several, and the longest answer in characters. */
			multiline?: boolean;
			maxLength?: number;
			/** A multiple choice's option that takes a text of its own ("annat"); null for none. */
			other?: string | null;
	  }
	/** A maturity dimension's label and weight. */
	| { target: 'dimension'; dimension: string; label: TTextInput; weight: number }
	/** A role group's label and the title keywords that place a respondent in it. */
	| { target: 'role-group'; group: string; label: TTextInput; keywords: string[] }
	/** A maturity level's label, range of the index and what it means. */
	| { target: 'level'; level: string; label: TTextInput; min: number; max: number; description: TTextInput }
	/** A key figure's sentence, by its place in the list ({percent} stands for the figure). */
	| { target: 'key-figure'; index: number; template: TTextInput };

/**
 * The kinds of question the designer adds; "yes-no" is a single choice of Ja, Nej and Vet ej;
 * "organisation" and "role" are the background questions an open link asks on its first page.
 */
export const NEW_QUESTION_TYPES = [
	'yes-no',
	'single',
	'multi',
	'scale',
	'text',
	'organisation',
	'role'
] as const;
export type TNewQuestionType = (typeof NEW_QUESTION_TYPES)[number];

export interface TNewQuestion {
	section: string;
	type: TNewQuestionType;
	/** The question's code; suggested from its text when empty (questionCode). */
	code: string;
	text: TTextInput;
	required: boolean;
	/** A choice question's options in Swedish, one per entry; their codes are suggested from them. */
	options: string[];
	/** A scale's range. */
	min: number;
	max: number;
}

export type TDraftStructureEdit =
	| ({ target: 'add-question' } & TNewQuestion)
	| { target: 'remove-question'; question: string }
	/** When a question is shown: only when an earlier choice question has one of `options`, or always. */
	| { target: 'condition'; question: string; when: { question: string; options: string[] } | null }
	/**
	 * A new page, at the end or after a given page, with its title and its first question (a page has at
	 * least one); its code suggested from the title when empty.
	 */
	| {
			target: 'add-page';
			code?: string;
			title: TTextInput;
			question: Omit<TNewQuestion, 'section'>;
			/** The page it goes after; at the end when not given. */
			after?: string;
	  }
	/** A page and its questions. */
	| { target: 'remove-page'; section: string }
	/** One step up or down: within its page, or from a page's top or foot onto the page before or after. */
	| { target: 'move-question'; question: string; direction: 'up' | 'down' }
	/** Anywhere at once (dragged there): before a question of a page, or at the page's end (`before` null). */
	| { target: 'place-question'; question: string; section: string; before: string | null }
	/** A choice question's new option at the end; its code suggested from the label when empty. */
	| { target: 'add-option'; question: string; code: string; label: TTextInput }
	| { target: 'remove-option'; question: string; option: string }
	| { target: 'add-dimension'; code: string; label: TTextInput; weight: number }
	/** A dimension no question measures any more (the model refuses one still in use). */
	| { target: 'remove-dimension'; dimension: string }
	| { target: 'add-role-group'; code: string; label: TTextInput; keywords: string[] }
	| { target: 'remove-role-group'; group: string }
	/** A page one step earlier or later in the questionnaire, with its questions. */
	| { target: 'move-page'; section: string; direction: 'up' | 'down' }
	/** A page anywhere at once (dragged there): before another page, or last (`before` null). */
	| { target: 'place-page'; section: string; before: string | null }
	/**
	 * New codes for a question and its options (old code → new), with every reference to them (conditions,
	 * follow-ups, key figures). Only for what no published version has: the caller decides (renameable).
	 */
	| { target: 'rename'; question: string; code: string; options: Record<string, string> }
	| TTranslationEdit;

export type TDraftEditResult =
	| { ok: true; definition: TQuestionnaire }
	| { ok: false; reason: 'unknown-section' | 'unknown-question' | 'unknown-option' | 'unknown-code' }
	| { ok: false; reason: 'invalid'; errors: string[] };

/**
 * A required text: Swedish, with English only when given. The designer's forms edit those two; the text's
 * other languages (`previous`, from a translator) stay as they were.
 */
function text(input: TTextInput, previous?: TText): TText {
	const { sv: _sv, en: _en, ...others }: Partial<TText> = previous ?? {};
	return { ...others, sv: input.sv, ...(input.en ? { en: input.en } : {}) };
}

/** An optional text: none when the Swedish is empty. */
const optionalText = (input: TTextInput, previous?: TText): TText | undefined =>
	input.sv ? text(input, previous) : undefined;

/** Sets or removes an optional field, so that an emptied text leaves no key behind. */
function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
	if (value === undefined) delete target[key];
	else target[key] = value;
}

/**
 * Moves the item `code` of `from` into `to`, before the item `before` or at the end (null); onto itself
 * it stays. False, changing nothing, when `code` or `before` is not there.
 */
function placeBefore<T extends { code: string }>(
	from: T[],
	to: T[],
	code: string,
	before: string | null
): boolean {
	const i = from.findIndex((x) => x.code === code);
	if (i < 0 || (before !== null && !to.some((x) => x.code === before))) return false;
	if (before === code) return true;
	const [item] = from.splice(i, 1) as [T];
	to.splice(before === null ? to.length : to.findIndex((x) => x.code === before), 0, item);
	return true;
}

/**
 * Applies one edit to a draft's definition and checks the result as publishing will (the questionnaire
 * model's every rule): the new definition, or why not (with the model's errors in `lang`). The draft
 * given is not changed.
 */
export function applyDraftEdit(
	draft: TQuestionnaire,
	edit: TDraftEdit | TDraftStructureEdit,
	lang: 'sv' | 'en'
): TDraftEditResult {
	const next = structuredClone(draft);
	if (edit.target === 'add-language' || edit.target === 'remove-language' || edit.target === 'translate') {
		if (!applyTranslationEdit(next, edit)) return { ok: false, reason: 'unknown-code' };
	} else if (edit.target === 'add-question') {
		const section = next.sections.find((s) => s.code === edit.section);
		if (!section) return { ok: false, reason: 'unknown-section' };
		const taken = new Set(next.sections.flatMap((s) => s.questions.map((q) => q.code)));
		section.questions.push(
			newQuestion(edit, taken) as TQuestionnaire['sections'][number]['questions'][number]
		);
	} else if (edit.target === 'remove-question') {
		const section = next.sections.find((s) => s.questions.some((q) => q.code === edit.question));
		if (!section) return { ok: false, reason: 'unknown-question' };
		section.questions = section.questions.filter((q) => q.code !== edit.question);
	} else if (edit.target === 'condition') {
		const question = next.sections
			.flatMap((section) => section.questions)
			.find((q) => q.code === edit.question);
		if (!question) return { ok: false, reason: 'unknown-question' };
		setOptional(
			question,
			'showIf',
			edit.when ? { question: edit.when.question, in: edit.when.options } : undefined
		);
	} else if (edit.target === 'add-page') {
		const code =
			edit.code || suggestCode(edit.title.sv, new Set(next.sections.map((section) => section.code)), 'sida');
		const taken = new Set(next.sections.flatMap((section) => section.questions.map((q) => q.code)));
		const after = edit.after ? next.sections.findIndex((section) => section.code === edit.after) : -1;
		if (edit.after && after < 0) return { ok: false, reason: 'unknown-section' };
		next.sections.splice(edit.after ? after + 1 : next.sections.length, 0, {
			code,
			title: text(edit.title),
			questions: [
				newQuestion(
					{ ...edit.question, section: code },
					taken
				) as TQuestionnaire['sections'][number]['questions'][number]
			]
		});
	} else if (edit.target === 'remove-page') {
		if (!next.sections.some((section) => section.code === edit.section))
			return { ok: false, reason: 'unknown-section' };
		next.sections = next.sections.filter((section) => section.code !== edit.section);
	} else if (edit.target === 'move-question') {
		const s = next.sections.findIndex((section) => section.questions.some((q) => q.code === edit.question));
		const section = next.sections[s];
		if (!section) return { ok: false, reason: 'unknown-question' };
		const i = section.questions.findIndex((q) => q.code === edit.question);
		const [question] = section.questions.splice(i, 1);
		if (!question) return { ok: false, reason: 'unknown-question' };
		const up = edit.direction === 'up';
		const j = up ? i - 1 : i + 1;
		if (j >= 0 && j <= section.questions.length) section.questions.splice(j, 0, question);
		else {
			// Past the page's edge: onto the neighbouring page (its foot going up, its top going down); at the
			// questionnaire's first or last place the question stays where it was.
			const neighbour = next.sections[up ? s - 1 : s + 1];
			if (neighbour) {
				if (up) neighbour.questions.push(question);
				else neighbour.questions.unshift(question);
			} else section.questions.splice(i, 0, question);
		}
	} else if (edit.target === 'place-question') {
		const from = next.sections.find((section) => section.questions.some((q) => q.code === edit.question));
		const to = next.sections.find((section) => section.code === edit.section);
		if (!from) return { ok: false, reason: 'unknown-question' };
		if (!to) return { ok: false, reason: 'unknown-section' };
		if (!placeBefore(from.questions, to.questions, edit.question, edit.before))
			return { ok: false, reason: 'unknown-question' };
	} else if (edit.target === 'add-option' || edit.target === 'remove-option') {
		const question = next.sections
			.flatMap((section) => section.questions)
			.find((q) => q.code === edit.question);
		if (!question || (question.type !== 'single' && question.type !== 'multi'))
			return { ok: false, reason: 'unknown-question' };
		if (edit.target === 'add-option') {
			const taken = new Set(question.options.map((o) => o.code));
			const code = edit.code || suggestCode(edit.label.sv, taken, 'alternativ');
			// A multiple choice's option has `other` (default false), which the model fills in when it checks.
			(question.options as Array<{ code: string; label: TText }>).push({ code, label: text(edit.label) });
		} else {
			const before = question.options.length;
			question.options = question.options.filter((o) => o.code !== edit.option) as typeof question.options;
			if (question.options.length === before) return { ok: false, reason: 'unknown-option' };
		}
	} else if (edit.target === 'dimension' || edit.target === 'remove-dimension') {
		const found = next.dimensions.find((d) => d.code === edit.dimension);
		if (!found) return { ok: false, reason: 'unknown-code' };
		if (edit.target === 'dimension') {
			found.label = text(edit.label, found.label);
			found.weight = edit.weight;
		} else next.dimensions = next.dimensions.filter((d) => d !== found);
	} else if (edit.target === 'add-dimension') {
		const code =
			edit.code || suggestCode(edit.label.sv, new Set(next.dimensions.map((d) => d.code)), 'dimension');
		next.dimensions.push({ code, label: text(edit.label), weight: edit.weight });
	} else if (edit.target === 'role-group' || edit.target === 'remove-role-group') {
		const found = next.roleGroups.find((g) => g.code === edit.group);
		if (!found) return { ok: false, reason: 'unknown-code' };
		if (edit.target === 'role-group') {
			found.label = text(edit.label, found.label);
			found.titleKeywords = edit.keywords;
		} else next.roleGroups = next.roleGroups.filter((g) => g !== found);
	} else if (edit.target === 'add-role-group') {
		const code =
			edit.code || suggestCode(edit.label.sv, new Set(next.roleGroups.map((g) => g.code)), 'grupp');
		next.roleGroups.push({ code, label: text(edit.label), titleKeywords: edit.keywords });
	} else if (edit.target === 'level') {
		const found = next.levels.find((l) => l.code === edit.level);
		if (!found) return { ok: false, reason: 'unknown-code' };
		found.label = text(edit.label, found.label);
		found.min = edit.min;
		found.max = edit.max;
		setOptional(found, 'description', optionalText(edit.description, found.description));
	} else if (edit.target === 'key-figure') {
		const found = next.keyFigures[edit.index];
		if (!found) return { ok: false, reason: 'unknown-code' };
		found.template = text(edit.template, found.template);
	} else if (edit.target === 'place-page') {
		if (!placeBefore(next.sections, next.sections, edit.section, edit.before))
			return { ok: false, reason: 'unknown-section' };
	} else if (edit.target === 'move-page') {
		const i = next.sections.findIndex((section) => section.code === edit.section);
		if (i < 0) return { ok: false, reason: 'unknown-section' };
		const j = edit.direction === 'up' ? i - 1 : i + 1;
		const [moved] = next.sections.splice(i, 1);
		if (moved) next.sections.splice(Math.max(0, Math.min(j, next.sections.length)), 0, moved);
	} else if (edit.target === 'rename') {
		const questions = next.sections.flatMap((section) => section.questions);
		const question = questions.find((q) => q.code === edit.question);
		if (!question) return { ok: false, reason: 'unknown-question' };
		const code = edit.code || question.code;
		const option = (o: string) => edit.options[o] || o;
		if (question.type === 'single' || question.type === 'multi')
			for (const o of question.options) o.code = option(o.code);
		question.code = code;
		for (const q of questions) {
			if (q.showIf?.question === edit.question) q.showIf = { question: code, in: q.showIf.in.map(option) };
			if (q.followUpOf === edit.question) q.followUpOf = code;
		}
		for (const figure of next.keyFigures) {
			if (figure.question !== edit.question) continue;
			figure.question = code;
			if (figure.measure.kind === 'option') figure.measure.option = option(figure.measure.option);
		}
	} else if (edit.target === 'questionnaire') {
		next.title = text(edit.title, next.title);
		setOptional(next, 'description', optionalText(edit.description, next.description));
	} else if (edit.target === 'section') {
		const section = next.sections.find((s) => s.code === edit.section);
		if (!section) return { ok: false, reason: 'unknown-section' };
		section.title = text(edit.title, section.title);
		setOptional(section, 'intro', optionalText(edit.intro, section.intro));
	} else {
		const question = next.sections.flatMap((s) => s.questions).find((q) => q.code === edit.question);
		if (!question) return { ok: false, reason: 'unknown-question' };
		question.text = text(edit.text, question.text);
		setOptional(question, 'help', optionalText(edit.help, question.help));
		setOptional(question, 'topic', optionalText(edit.topic, question.topic));
		question.required = edit.required;
		if ((question.type === 'single' || question.type === 'multi') && edit.options) {
			for (const option of question.options) {
				const label = edit.options[option.code];
				if (label) option.label = text(label, option.label);
			}
		}
		if (question.type === 'scale') {
			if (edit.minLabel) setOptional(question, 'minLabel', optionalText(edit.minLabel, question.minLabel));
			if (edit.maxLabel) setOptional(question, 'maxLabel', optionalText(edit.maxLabel, question.maxLabel));
		}
		if (question.type === 'scale' && edit.topBox !== undefined)
			setOptional(
				question,
				'topBox',
				edit.topBox
					? { from: edit.topBox.from, label: text(edit.topBox.label, question.topBox?.label) }
					: undefined
			);
		if (question.type === 'text') {
			if (edit.multiline !== undefined) question.multiline = edit.multiline;
			if (edit.maxLength !== undefined) question.maxLength = edit.maxLength;
		}
		if (question.type === 'multi' && edit.other !== undefined)
			for (const option of question.options) option.other = option.code === edit.other;
		if (edit.dimension !== undefined) setOptional(question, 'dimension', edit.dimension ?? undefined);
		if (edit.reversed !== undefined) question.reversed = edit.reversed;
		if (edit.followUpOf !== undefined) setOptional(question, 'followUpOf', edit.followUpOf ?? undefined);
	}
	const parsed = parseQuestionnaire(next, { lang });
	return parsed.ok
		? { ok: true, definition: parsed.questionnaire }
		: { ok: false, reason: 'invalid', errors: parsed.errors };
}

/**
 * A code from a text, as the model's codes are written: "Använder ni AI?" → "anvander_ni_ai"; whole words
 * up to 30 characters, starting with a letter, and not one of `taken` (a number is added: "_2", "_3", …).
 */
export function suggestCode(text: string, taken: ReadonlySet<string>, fallback = 'fraga'): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.split(' ')
		.filter(Boolean);
	while (words.length > 0 && !/^[a-z]/.test(words[0] ?? '')) words.shift();
	// Whole words while they fit in 30 characters (the first one cut if it alone is longer).
	let base = (words.shift() ?? '').slice(0, 30);
	for (const word of words) {
		if (base.length + 1 + word.length > 30) break;
		base = `${base}_${word}`;
	}
	base ||= fallback;
	let code = base;
	for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
	return code;
}

const YES_NO = [
	{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
	{ code: 'nej', label: { sv: 'Nej', en: 'No' } },
	{ code: 'vet_ej', label: { sv: 'Vet ej', en: "Don't know" } }
];

/** The definition of an added question (checked with the rest of the draft afterwards). */
function newQuestion(input: TNewQuestion, taken: ReadonlySet<string>): Record<string, unknown> {
	const code = input.code || suggestCode(input.text.sv, taken);
	const base = { code, text: text(input.text), required: input.required };
	const options = () => {
		const codes = new Set<string>();
		return input.options.map((label) => {
			const option = { code: suggestCode(label, codes, 'alternativ'), label: { sv: label } };
			codes.add(option.code);
			return option;
		});
	};
	switch (input.type) {
		case 'yes-no':
			return { ...base, type: 'single', options: YES_NO };
		case 'single':
			return { ...base, type: 'single', options: options() };
		case 'multi':
			return { ...base, type: 'multi', options: options() };
		case 'scale':
			return { ...base, type: 'scale', min: input.min, max: input.max };
		case 'text':
			return { ...base, type: 'text' };
		case 'organisation':
		case 'role':
			return { ...base, type: 'background', field: input.type };
	}
}

/**
 * The questions a condition on `question` can refer to: choice questions before it, on earlier pages or
 * earlier on its own (the model's rule), with their options.
 */
export function conditionChoices(
	q: TQuestionnaire,
	question: string
): Array<{ code: string; text: TText; options: Array<{ code: string; label: TText }> }> {
	const all = q.sections.flatMap((section) => section.questions);
	const position = all.findIndex((x) => x.code === question);
	return all.slice(0, Math.max(position, 0)).flatMap((x) =>
		x.type === 'single' || x.type === 'multi'
			? [
					{
						code: x.code,
						text: x.text,
						options: x.options.map((o) => ({ code: o.code, label: o.label }))
					}
				]
			: []
	);
}

/**
 * A questionnaire started from nothing: its code and name, and one page with one free-text question (a
 * page has at least one question), for the designer to change, add to and remove.
 */
export function blankQuestionnaire(code: string, title: string): TQuestionnaire {
	return {
		code,
		version: 1,
		title: { sv: title },
		languages: ['sv', 'en'],
		roleGroups: [],
		dimensions: [],
		levels: [],
		keyFigures: [],
		sections: [
			{
				code: 'sida_1',
				title: { sv: 'Sida 1' },
				questions: [
					{
						code: 'fraga_1',
						type: 'text',
						text: { sv: 'Fråga 1' },
						required: false,
						reversed: false,
						multiline: true,
						maxLength: 5000
					}
				]
			}
		]
	};
}

/**
 * Whether a question's code and its option codes may still change: never once a published version of the
 * questionnaire has the question (waves are compared by code).
 */
export function renameable(question: string, published: TQuestionnaire | null): boolean {
	return !published?.sections.some((section) => section.questions.some((q) => q.code === question));
}
