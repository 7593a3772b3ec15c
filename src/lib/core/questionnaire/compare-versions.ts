import type { z } from 'zod';
import type { TQuestion, TQuestionnaire, TText } from './definition.ts';

/**
 * Why a question code of one version cannot be compared with the same code in another: its answers
 * mean something else. A new type, or a scale with another range, changes what the stored values say.
 */
export type TMeaningChange = 'type-changed' | 'scale-changed';

/** What changed in a question that stays comparable (its answers still mean the same). */
export type TQuestionEdit =
	| 'text'
	| 'help'
	| 'options-added'
	| 'options-dropped'
	| 'labels'
	| 'moved'
	| 'condition';

export type TQuestionComparison = { code: string } & (
	| { status: 'comparable'; before: TQuestion; after: TQuestion; edits: TQuestionEdit[] }
	| { status: 'new'; after: TQuestion; section: string }
	| { status: 'dropped'; before: TQuestion; section: string }
	| { status: TMeaningChange; before: TQuestion; after: TQuestion }
);

/** Whether a question's answers under `before` and `after` mean something else (null: comparable). */
export function meaningChange(before: TQuestion, after: TQuestion): TMeaningChange | null {
	if (before.type !== after.type) return 'type-changed';
	if (
		before.type === 'scale' &&
		after.type === 'scale' &&
		(before.min !== after.min || before.max !== after.max)
	)
		return 'scale-changed';
	return null;
}

interface TPlaced {
	question: TQuestion;
	section: string;
	/** Position in the definition: the path of its errors. */
	s: number;
	i: number;
}

function placedQuestions(q: TQuestionnaire): Map<string, TPlaced> {
	const placed = new Map<string, TPlaced>();
	q.sections.forEach((section, s) => {
		section.questions.forEach((question, i) => {
			placed.set(question.code, { question, section: section.code, s, i });
		});
	});
	return placed;
}

const sameText = (a: TText | undefined, b: TText | undefined) =>
	JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const options = (q: TQuestion) => (q.type === 'single' || q.type === 'multi' ? q.options : []);

/** How a comparable question changed between two versions (nothing: the same question). */
function edits(before: TPlaced, after: TPlaced): TQuestionEdit[] {
	const found: TQuestionEdit[] = [];
	const [a, b] = [before.question, after.question];
	if (!sameText(a.text, b.text)) found.push('text');
	if (!sameText(a.help, b.help)) found.push('help');
	const earlier = new Map(options(a).map((o) => [o.code, o]));
	const later = new Map(options(b).map((o) => [o.code, o]));
	if ([...later.keys()].some((code) => !earlier.has(code))) found.push('options-added');
	if ([...earlier.keys()].some((code) => !later.has(code))) found.push('options-dropped');
	const relabelled = [...later.values()].some((o) => {
		const old = earlier.get(o.code);
		return old !== undefined && !sameText(old.label, o.label);
	});
	const scaleLabels =
		a.type === 'scale' &&
		b.type === 'scale' &&
		(!sameText(a.minLabel, b.minLabel) || !sameText(a.maxLabel, b.maxLabel));
	if (relabelled || scaleLabels) found.push('labels');
	if (before.section !== after.section) found.push('moved');
	if (JSON.stringify(a.showIf ?? null) !== JSON.stringify(b.showIf ?? null)) found.push('condition');
	return found;
}

/**
 * Two versions of a questionnaire question by question, matched by code: comparable (with what changed
 * in its wording or options), new, dropped, or not comparable because its answers mean something else.
 * In the later version's order, then the dropped ones in the earlier version's order.
 */
export function compareVersions(before: TQuestionnaire, after: TQuestionnaire): TQuestionComparison[] {
	const earlier = placedQuestions(before);
	const later = placedQuestions(after);
	const compared: TQuestionComparison[] = [];
	for (const [code, now] of later) {
		const then = earlier.get(code);
		if (!then) {
			compared.push({ code, status: 'new', after: now.question, section: now.section });
			continue;
		}
		const change = meaningChange(then.question, now.question);
		compared.push(
			change
				? { code, status: change, before: then.question, after: now.question }
				: { code, status: 'comparable', before: then.question, after: now.question, edits: edits(then, now) }
		);
	}
	for (const [code, then] of earlier) {
		if (!later.has(code))
			compared.push({ code, status: 'dropped', before: then.question, section: then.section });
	}
	return compared;
}

/**
 * The questionnaire family's rule: within one questionnaire code, a question code keeps its meaning in
 * every version (the change page and the report compare waves by it). Each question of `candidate` whose
 * code an earlier published version used with another type or scale is an issue at its field, in the
 * form of the definition's own checks (explained with explainQuestionnaireIssues).
 */
export function familyIssues(candidate: TQuestionnaire, published: TQuestionnaire[]): z.core.$ZodIssue[] {
	const issues: z.core.$ZodIssue[] = [];
	const versions = published
		.filter((p) => p.code === candidate.code && p.version !== candidate.version)
		.sort((a, b) => a.version - b.version)
		.map((version) => ({ version: version.version, placed: placedQuestions(version) }));
	for (const [code, now] of placedQuestions(candidate)) {
		for (const version of versions) {
			const then = version.placed.get(code);
			if (!then) continue;
			const change = meaningChange(then.question, now.question);
			if (!change) continue;
			const path = ['sections', now.s, 'questions', now.i, change === 'type-changed' ? 'type' : 'max'];
			const params =
				change === 'type-changed'
					? { key: 'codeMeaningType', code, type: then.question.type, version: version.version }
					: {
							key: 'codeMeaningScale',
							code,
							min: then.question.type === 'scale' ? then.question.min : '',
							max: then.question.type === 'scale' ? then.question.max : '',
							version: version.version
						};
			issues.push({
				code: 'custom',
				path,
				params,
				input: undefined,
				message:
					change === 'type-changed'
						? `the code "${code}" was a ${then.question.type} question in version ${version.version}; a changed question needs a new code`
						: `the code "${code}" had another scale in version ${version.version}; a changed scale needs a new code`
			});
			break;
		}
	}
	return issues;
}
