import { normaliseTitle } from '../../core/participants/normalise-title.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { roleGroupForTitle } from '../../core/questionnaire/role-group.ts';
import type { TDb } from '../db/client.ts';
import { titleMappings } from '../db/schema.ts';

/**
 * The role group of a title for one questionnaire: the analyst's mapping of the exact (normalised) title
 * first, then the questionnaire's keywords. A mapping to a group the questionnaire lacks is passed over.
 */
export async function roleGroupResolver(db: TDb, questionnaire: TQuestionnaire) {
	const groups = new Set(questionnaire.roleGroups.map((g) => g.code));
	const mappings = new Map(
		(await db.select().from(titleMappings))
			.filter((m) => groups.has(m.roleGroup))
			.map((m) => [m.title, m.roleGroup])
	);
	return (title: string | null | undefined): string | null => {
		if (!title?.trim()) return null;
		return mappings.get(normaliseTitle(title)) ?? roleGroupForTitle(questionnaire, title);
	};
}
