import { sql } from 'drizzle-orm';
import { buildDisclosureBlocks, type TDisclosureCell } from '../../core/disclosure/disclosure-blocks.ts';
import type { TWaveDisclosure } from '../../core/disclosure/wave-disclosure.ts';
import type { TDb } from '../db/client.ts';
import { listTopUnits } from './list-top-units.ts';
import { rowsOf } from './response-scope.ts';

export interface TWaveRef {
	id: string;
	ownerOrganisationId: string | null;
	minGroupSize: number;
}

const ROLE = sql`coalesce(r.role_group, p.role_group)`;

/**
 * The small-group rule's view of a wave (see core/disclosure): respondents per unit and role group,
 * split into blocks of at least the wave's k. With `partial`, also the partial responses that answered
 * anything and those that answered each question. A few GROUP BYs over the responses, whatever the
 * filter: the blocks belong to the wave, never to one request.
 */
export async function loadDisclosure(
	db: TDb,
	wave: TWaveRef,
	options: { partial: boolean }
): Promise<TWaveDisclosure> {
	const cells = (rows: TDisclosureCell[]) =>
		rows.map((r) => ({ unit: r.unit, role: r.role, count: Number(r.count) }));
	const [units, topUnits, complete, partial] = await Promise.all([
		db.execute(sql`select id::text as id, parent_id::text as parent from organisations`),
		listTopUnits(db, wave.ownerOrganisationId),
		db.execute(sql`
			select r.organisation_id::text as unit, ${ROLE} as role, count(*)::int as count
			from responses r left join participants p on p.id = r.participant_id
			where r.wave_id = ${wave.id} and r.status = 'complete'
			group by 1, 2`),
		options.partial
			? db.execute(sql`
				select a.question_code as question, r.organisation_id::text as unit, ${ROLE} as role,
					count(distinct r.id)::int as count
				from responses r left join participants p on p.id = r.participant_id
				join answers a on a.response_id = r.id
				where r.wave_id = ${wave.id} and r.status = 'partial'
				group by grouping sets ((a.question_code, r.organisation_id, ${ROLE}), (r.organisation_id, ${ROLE}))`)
			: null
	]);
	const tree = rowsOf<{ id: string; parent: string | null }>(units);
	const k = wave.minGroupSize;
	const disclosure: TWaveDisclosure = {
		k,
		topOf: new Map(topUnits.map((u) => [u.id, u.topId])),
		complete: buildDisclosureBlocks(tree, cells(rowsOf(complete)), k)
	};
	if (partial) {
		const rows = rowsOf<TDisclosureCell & { question: string | null }>(partial);
		const byQuestion = new Map<string, Array<TDisclosureCell & { question: string | null }>>();
		for (const row of rows) {
			if (row.question === null) continue;
			byQuestion.set(row.question, [...(byQuestion.get(row.question) ?? []), row]);
		}
		disclosure.partial = {
			responses: buildDisclosureBlocks(tree, cells(rows.filter((r) => r.question === null)), k),
			questions: new Map(
				[...byQuestion].map(([question, list]) => [question, buildDisclosureBlocks(tree, cells(list), k)])
			)
		};
	}
	return disclosure;
}

/** A wave's disclosure loaded once, to hand to several engine calls over the same wave (a report's). */
export interface TLoadedDisclosure {
	waveId: string;
	partial: boolean;
	disclosure: TWaveDisclosure;
}

/** Loads a wave's disclosure for engine calls that follow (getWaveResults, computeMaturity). */
export async function preloadDisclosure(
	db: TDb,
	wave: TWaveRef,
	options: { partial: boolean }
): Promise<TLoadedDisclosure> {
	return { waveId: wave.id, partial: options.partial, disclosure: await loadDisclosure(db, wave, options) };
}

/**
 * The disclosure an engine call applies: the one it was given when that is this wave's and was loaded
 * with the same treatment of partial responses, otherwise loaded now. The rule is the same either way.
 */
export function disclosureFor(
	db: TDb,
	wave: TWaveRef,
	options: { partial: boolean },
	given?: TLoadedDisclosure
): Promise<TWaveDisclosure> {
	if (given && given.waveId === wave.id && given.partial === options.partial) {
		return Promise.resolve(given.disclosure);
	}
	return loadDisclosure(db, wave, options);
}
