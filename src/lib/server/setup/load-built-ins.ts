import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { projectPath } from '../project-path.ts';
import { importQuestionnaire } from '../questionnaires/import-questionnaire.ts';
import { norrbotten } from './norrbotten.ts';

/** The folder of built-in questionnaire definitions. */
export const builtInQuestionnairesFolder = () => projectPath('questionnaires');

/**
 * Loads Norrbotten's organisation tree and the built-in questionnaires. Safe to run on every start and
 * from several processes at once: every insert is idempotent.
 */
export async function loadBuiltIns(db: TDb): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.insert(organisations)
			.values({ code: norrbotten.region.code, name: norrbotten.region.name, kind: 'region' })
			.onConflictDoNothing({ target: organisations.code });
		const [region] = await tx
			.select()
			.from(organisations)
			.where(eq(organisations.code, norrbotten.region.code));
		if (!region) throw new Error('region missing after insert');
		await tx
			.insert(organisations)
			.values(
				norrbotten.municipalities.map((m) => ({ ...m, kind: 'municipality' as const, parentId: region.id }))
			)
			.onConflictDoNothing({ target: organisations.code });
	});
	const folder = builtInQuestionnairesFolder();
	for (const file of readdirSync(folder)
		.filter((f) => f.endsWith('.json'))
		.sort()) {
		await importQuestionnaire(db, JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
	}
}
