import type { TQuestion, TText } from '../definition.ts';
import { codeAllocator } from './lss-codes.ts';
import type { TLssLanguages } from './lss-languages.ts';
import type { TLssQuestion, TLssSurvey, TLssTexts } from './lss-model.ts';
import type { TLssNotice, TLssSkipReason } from './lss-problems.ts';

const ARRAYS = new Set(['F', 'A', 'B', 'C', 'E', 'H', '1', ':', ';']);
const TEXTS: Record<string, boolean> = { S: false, T: true, U: true };

/** A question with what its answer values become (for conditions on it), or why it is left out. */
export type TBuilt = { question: TQuestion; values: Map<string, string> } | { skip: TLssSkipReason };

/** One question of the file as a question of the model, whole, or the reason it cannot be. */
export function questionOf(
	q: TLssQuestion,
	survey: TLssSurvey,
	plan: TLssLanguages,
	text: (texts: TLssTexts) => TText | undefined,
	code: string,
	notices: TLssNotice[]
): TBuilt {
	const type = q.type;
	if (ARRAYS.has(type)) return { skip: { key: 'array' } };
	if (type === 'R') return { skip: { key: 'ranking' } };
	if (type === 'N') return { skip: { key: 'numeric' } };
	if (type === 'X') return { skip: { key: 'display' } };
	if (type === 'O') return { skip: { key: 'listWithComment' } };
	if (!['L', '!', 'Y', 'G', '5', 'M', 'P', 'S', 'T', 'U'].includes(type))
		return { skip: { key: 'type', type } };
	if (q.attributes.get('hidden') === '1') return { skip: { key: 'hidden' } };
	// Options shown on conditions of their own: without them the question would ask something else.
	const filtered =
		q.attributes.get('array_filter') ||
		q.attributes.get('array_filter_exclude') ||
		(survey.subquestions.get(q.qid) ?? []).some(
			(s) => s.relevance.trim() !== '' && s.relevance.trim() !== '1'
		);
	if ((type === 'M' || type === 'P') && filtered) return { skip: { key: 'optionCondition' } };
	if (q.validation.trim() || q.attributes.get('em_validation_q')?.trim())
		notices.push({ key: 'validationDropped', question: q.title });

	const raw = [...q.text.values(), ...q.help.values()];
	if (raw.some((t) => /\{[A-Za-z_][^{}]*\}/.test(t)))
		notices.push({ key: 'expressionKept', question: q.title });
	let questionText = text(q.text);
	if (!questionText) {
		questionText = { sv: q.title };
		notices.push({ key: 'textFromCode', question: q.title });
	}
	const help = text(q.help);
	const base = {
		code,
		text: questionText,
		...(help ? { help } : {}),
		required: q.mandatory,
		reversed: false
	};
	const values = new Map<string, string>();

	if (type === 'L' || type === '!') {
		if (q.other) return { skip: { key: 'otherInList' } };
		const optionCode = codeAllocator('a');
		const options = (survey.answers.get(q.qid) ?? [])
			.filter((a) => a.scale === '0')
			.map((a) => {
				const option = { code: optionCode(a.code), label: text(a.label) ?? { sv: a.code } };
				values.set(a.code, option.code);
				return option;
			});
		if (options.length < 2) return { skip: { key: 'tooFewOptions' } };
		return { question: { ...base, type: 'single', options }, values };
	}
	if (type === 'Y' || type === 'G') {
		const [first, second] =
			type === 'Y'
				? [
						['Y', 'ja', builtIn(plan, 'Ja', 'Yes')],
						['N', 'nej', builtIn(plan, 'Nej', 'No')]
					]
				: [
						['F', 'f', builtIn(plan, 'Kvinna', 'Female')],
						['M', 'm', builtIn(plan, 'Man', 'Male')]
					];
		const options = [first, second].map(([value, optionCode, label]) => {
			values.set(value as string, optionCode as string);
			return { code: optionCode as string, label: label as TText };
		});
		return { question: { ...base, type: 'single', options }, values };
	}
	if (type === '5') return { question: { ...base, type: 'scale', min: 1, max: 5 }, values };
	if (type === 'M' || type === 'P') {
		const optionCode = codeAllocator('a');
		const options = (survey.subquestions.get(q.qid) ?? [])
			.filter((s) => s.scale === '0')
			.map((s) => {
				const option = { code: optionCode(s.title), label: text(s.text) ?? { sv: s.title }, other: false };
				values.set(s.title, option.code);
				return option;
			});
		if (q.other)
			options.push({ code: optionCode('other'), label: builtIn(plan, 'Annat', 'Other'), other: true });
		if (options.length < 2) return { skip: { key: 'tooFewOptions' } };
		if (type === 'P') notices.push({ key: 'commentsDropped', question: q.title });
		return { question: { ...base, type: 'multi', options }, values };
	}
	const limit = Number(q.attributes.get('maximum_chars'));
	return {
		question: {
			...base,
			type: 'text',
			multiline: TEXTS[type] ?? true,
			maxLength: Number.isInteger(limit) && limit >= 1 && limit <= 20000 ? limit : 5000
		},
		values
	};
}

/** A text the import writes itself, in Swedish and (when the questionnaire has it) English. */
export function builtIn(plan: TLssLanguages, sv: string, en: string): TText {
	return plan.languages.includes('en') ? { sv, en } : { sv };
}
