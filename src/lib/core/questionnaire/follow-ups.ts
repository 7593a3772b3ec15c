import type { TQuestionnaire } from './definition.ts';

/**
 * The question each follow-up belongs to in the report, by follow-up code: the question its `followUpOf`
 * names, or else the one its condition (`showIf`) refers to; a chain (a follow-up of a follow-up) ends
 * at the first question that follows up none. Questions that follow up none are not in the map.
 */
export function followUpParents(questionnaire: TQuestionnaire): Map<string, string> {
	const direct = new Map<string, string>();
	for (const question of questionnaire.sections.flatMap((s) => s.questions)) {
		const parent = question.followUpOf ?? question.showIf?.question;
		if (parent !== undefined) direct.set(question.code, parent);
	}
	const top = new Map<string, string>();
	for (const code of direct.keys()) {
		let parent = direct.get(code) ?? code;
		// Both fields refer to earlier questions only (checked by ZQuestionnaire), so the chain ends; the
		// guard keeps an unchecked definition from looping.
		for (let step = 0; direct.has(parent) && step < direct.size; step++)
			parent = direct.get(parent) ?? parent;
		top.set(code, parent);
	}
	return top;
}
