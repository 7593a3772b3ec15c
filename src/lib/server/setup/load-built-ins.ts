import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { meta, organisations } from '../db/schema.ts';
import { projectPath } from '../project-path.ts';
import { norrbotten } from './norrbotten.ts';

/** The `meta` row holding the hash of the built-in data last loaded. */
const MARKER = 'built-ins';

/** The folder of built-in questionnaire definitions. */
export const builtInQuestionnairesFolder = () => projectPath('questionnaires');

/** The built-in questionnaire a new questionnaire starts from: its newest version's file. */
export const builtInTemplateFile = () =>
	path.join(builtInQuestionnairesFolder(), 'digital-mognad-i-kommuner.json');

/**
 * Loads Norrbotten's organisation tree and the built-in questionnaires. Safe to run on every start and
 * from several processes at once: every insert is idempotent.
 */
export async function loadBuiltIns(db: TDb): Promise<void> {
	const folder = builtInQuestionnairesFolder();
	const files = readdirSync(folder)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, text: readFileSync(path.join(folder, file), 'utf8') }));
	// Every command opens the database: loading what is already there took about a second (validating the
	// questionnaires among it), so a hash of the built-in data, recorded once it is loaded, skips it.
	const hash = createHash('sha256').update(JSON.stringify({ norrbotten, files })).digest('hex');
	const [marker] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, MARKER));
	if (marker?.value === hash) return;
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
	const { importQuestionnaire } = await import('../questionnaires/import-questionnaire.ts');
	for (const { text } of files) await importQuestionnaire(db, JSON.parse(text));
	await db
		.insert(meta)
		.values({ key: MARKER, value: hash })
		.onConflictDoUpdate({ target: meta.key, set: { value: hash, updatedAt: new Date() } });
}
