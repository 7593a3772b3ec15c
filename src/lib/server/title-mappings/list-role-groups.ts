import { desc } from 'drizzle-orm';
import { ZQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDb, TTx } from '../db/client.ts';
import { questionnaireVersions } from '../db/schema.ts';

export interface TRoleGroup {
	code: string;
	label: { sv: string; en?: string };
}

/** The role groups of every published questionnaire (the newest version's label for a shared code). */
export async function listRoleGroups(db: TDb | TTx): Promise<TRoleGroup[]> {
	const versions = await db
		.select({ definition: questionnaireVersions.definition })
		.from(questionnaireVersions)
		.orderBy(desc(questionnaireVersions.publishedAt));
	const groups = new Map<string, TRoleGroup>();
	for (const { definition } of versions) {
		for (const g of ZQuestionnaire.parse(definition).roleGroups) {
			if (!groups.has(g.code)) groups.set(g.code, { code: g.code, label: g.label });
		}
	}
	return [...groups.values()];
}
