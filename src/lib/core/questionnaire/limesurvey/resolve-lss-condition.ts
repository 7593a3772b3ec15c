import type { TCondition, TQuestion } from '../definition.ts';
import { readRelevance, type TLssEquality } from './lss-condition.ts';
import type { TLssQuestion, TLssSurvey } from './lss-model.ts';
import type { TLssSkipReason } from './lss-problems.ts';

// A mapped question, what a later condition on it needs: its page and what its answer values become.
export interface TMapped {
	question: TQuestion;
	page: number;
	/** LimeSurvey's answer value → the option's code (single), or subquestion code → option (multi). */
	values: Map<string, string>;
}

/** The question's own condition: its relevance, or else LimeSurvey's older conditions table. */
export function conditionOf(
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

/** A condition as the model's `showIf`, when it refers to a choice question mapped before it. */
export function resolveCondition(
	equality: TLssEquality,
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
	// Neither mapped nor left out yet: it comes later, on this page or after it. A question mapped
	// already comes earlier, on an earlier page or on this one.
	if (!found) return { skip: { key: 'conditionLater', question: target.title } };
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
