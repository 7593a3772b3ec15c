import type { TQuestionnaire } from './definition.ts';

/**
 * The role group of a job title: the first group with a keyword found in the title (case-insensitive).
 * Null when none matches, so that an analyst decides rather than a silent default.
 */
export function roleGroupForTitle(questionnaire: TQuestionnaire, title: string): string | null {
	const lower = title.toLocaleLowerCase('sv');
	const group = questionnaire.roleGroups.find((g) =>
		g.titleKeywords.some((k) => lower.includes(k.toLocaleLowerCase('sv')))
	);
	return group?.code ?? null;
}
