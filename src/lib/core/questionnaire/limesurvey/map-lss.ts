import type { TCondition, TQuestion, TQuestionnaire, TSection, TText } from '../definition.ts';
import { parseQuestionnaire } from '../parse-questionnaire.ts';
import { codeAllocator } from './lss-codes.ts';
import { readRelevance, type TLssEquality } from './lss-condition.ts';
import { planLanguages, type TLssLanguages, textOf } from './lss-languages.ts';
import { surveyOf, type TLssQuestion, type TLssSurvey, type TLssTexts } from './lss-model.ts';
import type { TLssNotice, TLssRefusal, TLssSkipped, TLssSkipReason } from './lss-problems.ts';
import type { TLssDocument } from './read-lss.ts';

export interface TLssImport {
	questionnaire: TQuestionnaire;
	skipped: TLssSkipped[];
	notices: TLssNotice[];
}

/** A questionnaire's code as a new questionnaire takes it (start-new-questionnaire.ts). */
export const QUESTIONNAIRE_CODE = /^[a-z][a-z0-9_-]{1,62}$/;

const ARRAYS = new Set(['F', 'A', 'B', 'C', 'E', 'H', '1', ':', ';']);
const TEXTS: Record<string, boolean> = { S: false, T: true, U: true };

// A mapped question, what a later condition on it needs: its page and what its answer values become.
interface TMapped {
	question: TQuestion;
	page: number;
	/** LimeSurvey's answer value → the option's code (single), or subquestion code → option (multi). */
	values: Map<string, string>;
}

/**
 * A LimeSurvey survey as a questionnaire draft (version 1) with the questions that map whole, the
 * questions left out with their reasons, and notices. A question is imported with all of its parts or
 * not at all; one whose condition cannot be read, or refers to a question left out, is left out too; a
 * group left without questions is dropped. Refused when nothing maps or the result would not be valid.
 */
export function mapLss(
	document: TLssDocument,
	options: { code?: string } = {}
): { ok: true; result: TLssImport } | { ok: false; refusal: TLssRefusal; skipped: TLssSkipped[] } {
	const survey = surveyOf(document);
	const plan = planLanguages(survey.languages, survey.base);
	if (!plan) return { ok: false, refusal: { key: 'noLanguage' }, skipped: [] };
	const code = options.code ?? (/^\d+$/.test(survey.sid) ? `ls_${survey.sid}` : 'ls_enkat');
	if (!QUESTIONNAIRE_CODE.test(code))
		return { ok: false, refusal: { key: 'invalidCode', code }, skipped: [] };

	const notices: TLssNotice[] = [...plan.notices];
	const skipped: TLssSkipped[] = [];
	const missing = { count: 0 };
	const text = (texts: TLssTexts) => textOf(plan, (l) => texts.get(l), missing);
	const questionCode = codeAllocator('q');
	const codes = new Map(survey.questions.map((q) => [q.qid, questionCode(q.title)]));
	for (const q of survey.questions) {
		const to = codes.get(q.qid) as string;
		if (to !== q.title.toLowerCase()) notices.push({ key: 'codeChanged', from: q.title, to });
	}
	const mapped = new Map<string, TMapped>();
	const skippedQids = new Set<string>();
	const sections: TSection[] = [];

	survey.groups.forEach((group, page) => {
		const groupCondition = readRelevance(group.relevance);
		const questions: TQuestion[] = [];
		for (const q of survey.questions.filter((q) => q.gid === group.gid)) {
			const skip = (reason: TLssSkipReason) => {
				skipped.push({ question: q.title, reason });
				skippedQids.add(q.qid);
			};
			const built = questionOf(q, survey, plan, text, codes.get(q.qid) as string, notices);
			if ('skip' in built) {
				skip(built.skip);
				continue;
			}
			if (groupCondition === undefined) {
				skip({ key: 'groupCondition', expression: group.relevance });
				continue;
			}
			const own = conditionOf(q, survey, codes);
			if ('skip' in own) {
				skip(own.skip);
				continue;
			}
			if (own.equality && groupCondition) {
				skip({ key: 'twoConditions' });
				continue;
			}
			const equality = own.equality ?? groupCondition;
			if (equality) {
				const showIf = resolveCondition(equality, page, survey, mapped, skippedQids);
				if ('skip' in showIf) {
					skip(showIf.skip);
					continue;
				}
				built.question.showIf = showIf.condition;
			}
			mapped.set(q.qid, { question: built.question, page, values: built.values });
			questions.push(built.question);
		}
		const name = text(group.name);
		if (questions.length === 0) {
			if (survey.questions.some((q) => q.gid === group.gid))
				notices.push({ key: 'groupDropped', group: name?.sv ?? group.gid });
			return;
		}
		const n = sections.length + 1;
		const intro = text(group.description);
		sections.push({
			code: `sida_${n}`,
			title: name ?? builtIn(plan, `Sida ${n}`, `Page ${n}`),
			...(intro ? { intro } : {}),
			questions
		});
	});

	if (sections.length === 0)
		return { ok: false, refusal: { key: 'nothingMaps', skipped: skipped.length }, skipped };
	const title = text(survey.title) ?? { sv: code };
	const description = text(survey.description);
	if (missing.count > 0) notices.push({ key: 'swedishMissing', count: missing.count });
	const parsed = parseQuestionnaire({
		code,
		version: 1,
		title,
		...(description ? { description } : {}),
		languages: plan.languages,
		sections
	});
	if (!parsed.ok) return { ok: false, refusal: { key: 'invalidResult', errors: parsed.errors }, skipped };
	return { ok: true, result: { questionnaire: parsed.questionnaire, skipped, notices } };
}

type TBuilt = { question: TQuestion; values: Map<string, string> } | { skip: TLssSkipReason };

function questionOf(
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

/** The question's own condition: its relevance, or else LimeSurvey's older conditions table. */
function conditionOf(
	q: TLssQuestion,
	survey: TLssSurvey,
	codes: Map<string, string>
): { equality: TLssEquality | null } | { skip: TLssSkipReason } {
	const relevance = readRelevance(q.relevance);
	if (relevance === undefined) return { skip: { key: 'condition', expression: q.relevance.trim() } };
	if (relevance) return { equality: relevance };
	const rows = survey.conditions.get(q.qid) ?? [];
	if (rows.length === 0) return { equality: null };
	// One scenario, one question, equality only: what an OR of values on one question looks like there.
	const first = rows[0];
	const target = survey.questions.find((t) => t.qid === first?.cqid);
	const simple =
		target &&
		rows.every((r) => r.cqid === first?.cqid && r.scenario === first?.scenario && r.method === '==') &&
		codes.has(target.qid) &&
		target.type !== 'M' &&
		target.type !== 'P';
	if (!simple) {
		const expression = rows.map((r) => `${r.cfieldname} ${r.method} "${r.value}"`).join(' … ');
		return { skip: { key: 'condition', expression } };
	}
	return { equality: { ref: target.title, values: rows.map((r) => r.value ?? '') } };
}

function resolveCondition(
	equality: TLssEquality,
	page: number,
	survey: TLssSurvey,
	mapped: Map<string, TMapped>,
	skippedQids: Set<string>
): { condition: TCondition } | { skip: TLssSkipReason } {
	// `Q1`, a question by its code; `Q1_SQ001`, a multiple choice's subquestion; by its id, `123X4X56`
	// (LimeSurvey 3) or `Q56` (LimeSurvey 6, when no question has that code).
	const byId = /^\d+X\d+X(\d+)$/.exec(equality.ref)?.[1];
	let target = survey.questions.find((q) => (byId ? q.qid === byId : q.title === equality.ref));
	const qid = /^Q(\d+)$/.exec(equality.ref)?.[1];
	if (!target && qid) target = survey.questions.find((q) => q.qid === qid);
	let values = equality.values;
	if (!target) {
		const cut = equality.ref.lastIndexOf('_');
		const parent = survey.questions.find((q) => q.title === equality.ref.slice(0, cut));
		if (cut > 0 && parent && (parent.type === 'M' || parent.type === 'P') && values.every((v) => v === 'Y')) {
			target = parent;
			values = [equality.ref.slice(cut + 1)];
		}
	}
	const question = equality.ref;
	if (!target) return { skip: { key: 'conditionUnknown', question } };
	if (skippedQids.has(target.qid)) return { skip: { key: 'dependsOnSkipped', question: target.title } };
	const found = mapped.get(target.qid);
	if (!found) {
		// Neither mapped nor left out yet: it comes later, on this page or after it.
		const samePage = survey.groups[page]?.gid === target.gid;
		return { skip: { key: samePage ? 'conditionSamePage' : 'conditionLater', question: target.title } };
	}
	if (found.page === page) return { skip: { key: 'conditionSamePage', question: target.title } };
	if (found.question.type !== 'single' && found.question.type !== 'multi')
		return { skip: { key: 'conditionNotChoice', question: target.title } };
	const options: string[] = [];
	for (const value of values) {
		const option = found.values.get(value);
		if (!option) return { skip: { key: 'conditionOption', question: target.title, option: value } };
		if (!options.includes(option)) options.push(option);
	}
	return { condition: { question: found.question.code, in: options } };
}

/** A text the import writes itself, in Swedish and (when the questionnaire has it) English. */
function builtIn(plan: TLssLanguages, sv: string, en: string): TText {
	return plan.languages.includes('en') ? { sv, en } : { sv };
}
