import { count, eq } from 'drizzle-orm';
import { normaliseTitle } from '../../core/participants/normalise-title.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { participants, titleMappings } from '../db/schema.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';

export interface TWaveTitle {
	/** The normalised title, as mappings key it. */
	title: string;
	/** How it is written most often in the wave. */
	shown: string;
	participants: number;
	/** The role groups the participants with this title have now (more than one if edited by hand). */
	roleGroups: (string | null)[];
	/** The analyst's mapping for the title, if any. */
	mapping: string | null;
}

/** The distinct titles of a wave's participants (same title in other case or spacing counts once). */
export async function listWaveTitles(db: TDb, waveSlug: string): Promise<TWaveTitle[]> {
	const wave = await findWaveBySlug(db, waveSlug);
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${waveSlug}"`);
	const rows = await db
		.select({ title: participants.title, roleGroup: participants.roleGroup, n: count() })
		.from(participants)
		.where(eq(participants.waveId, wave.id))
		.groupBy(participants.title, participants.roleGroup);
	const mappings = new Map((await db.select().from(titleMappings)).map((m) => [m.title, m.roleGroup]));
	// Normalised in JavaScript: the database's lower() may not know Å, Ä and Ö (C locale).
	const titles = new Map<string, TWaveTitle & { spellings: Map<string, number> }>();
	for (const row of rows) {
		if (!row.title?.trim()) continue;
		const key = normaliseTitle(row.title);
		const entry: TWaveTitle & { spellings: Map<string, number> } = titles.get(key) ?? {
			title: key,
			shown: row.title,
			participants: 0,
			roleGroups: [],
			mapping: mappings.get(key) ?? null,
			spellings: new Map()
		};
		entry.participants += row.n;
		if (!entry.roleGroups.includes(row.roleGroup)) entry.roleGroups.push(row.roleGroup);
		entry.spellings.set(row.title, (entry.spellings.get(row.title) ?? 0) + row.n);
		titles.set(key, entry);
	}
	return [...titles.values()]
		.map(({ spellings, ...t }) => ({
			...t,
			shown: [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? t.shown
		}))
		.sort((a, b) => a.title.localeCompare(b.title, 'sv'));
}
