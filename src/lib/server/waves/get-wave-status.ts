import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { t } from '../../core/questionnaire/text.ts';
import { responseHeadline } from '../../core/results/response-headline.ts';
import type { ZWaveStatus } from '../../core/wave/wave-status-schema.ts';
import type { TDb } from '../db/client.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { getWave } from './get-wave.ts';

/** Invited, started and completed for one group; `invited` and `rate` are null on an open link. */
export interface TStatusCounts {
	invited: number | null;
	/** Responses partial or complete. */
	started: number;
	completed: number;
	/** completed / invited in percent, one decimal; null when nobody is invited (or on an open link). */
	rate: number | null;
}

export interface TOrganisationStatus extends TStatusCounts {
	/** Null for the row of respondents whose unit is not below the wave's owner. */
	id: string | null;
	code: string | null;
	name: string | null;
}

export interface TRoleGroupStatus extends TStatusCounts {
	/** Null for participants and responses without a role group. */
	code: string | null;
	label: { sv: string; en: string } | null;
}

export interface GetWaveStatusOptions {
	/** Count only participants and responses in these units (an organisation contact's subtree). */
	organisationIds?: string[];
}

/**
 * Response rates of a wave, per unit one level below the wave's owner (departments roll up into their
 * municipality) and per role group, with the seed's headline sentence. Counted in SQL.
 */
export async function getWaveStatus(
	db: TDb,
	slug: string,
	options: GetWaveStatusOptions = {}
): Promise<TWaveStatus> {
	const wave = await getWave(db, slug);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const invite = wave.mode === 'invite';
	const scope = options.organisationIds;
	const inScope = (column: SQL): SQL =>
		scope === undefined
			? sql`true`
			: scope.length === 0
				? sql`false`
				: sql`${column} in (${sql.join(
						scope.map((id) => sql`${id}::uuid`),
						sql`, `
					)})`;
	const owner = wave.ownerOrganisationId ?? '00000000-0000-0000-0000-000000000000';

	const orgRows = await rows<{
		id: string | null;
		code: string | null;
		name: string | null;
		kind: string | null;
		invited: number;
		started: number;
		completed: number;
	}>(
		db,
		sql`
		with recursive tree as (
			select id, id as unit_id from organisations where parent_id = ${owner}
			union all
			select o.id, t.unit_id from organisations o join tree t on o.parent_id = t.id
		),
		invited as (
			select t.unit_id, count(*)::int as n
			from participants p left join tree t on t.id = p.organisation_id
			where p.wave_id = ${wave.id} and ${inScope(sql`p.organisation_id`)}
			group by t.unit_id
		),
		answered as (
			select t.unit_id, count(*)::int as started,
				count(*) filter (where r.status = 'complete')::int as completed
			from responses r left join tree t on t.id = r.organisation_id
			where r.wave_id = ${wave.id} and ${inScope(sql`r.organisation_id`)}
			group by t.unit_id
		),
		units as (
			select u.id, u.code, u.name, u.kind from organisations u
			where u.parent_id = ${owner}
				and (${scope === undefined ? sql`true` : sql`false`}
					or exists (select 1 from tree t where t.unit_id = u.id and ${inScope(sql`t.id`)}))
			union all
			select null, null, null, null
			where exists (select 1 from invited where unit_id is null)
				or exists (select 1 from answered where unit_id is null)
		)
		select u.id, u.code, u.name, u.kind,
			coalesce(i.n, 0) as invited, coalesce(a.started, 0) as started, coalesce(a.completed, 0) as completed
		from units u
		left join invited i on i.unit_id is not distinct from u.id
		left join answered a on a.unit_id is not distinct from u.id
`
	);
	// Swedish order (Å, Ä, Ö last) whatever the database's collation; the unknown unit comes last.
	orgRows.sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name, 'sv')));

	const roleRows = await rows<{ code: string | null; invited: number; started: number; completed: number }>(
		db,
		sql`
		select code, sum(invited)::int as invited, sum(started)::int as started, sum(completed)::int as completed
		from (
			select role_group as code, 1 as invited, 0 as started, 0 as completed from participants
			where wave_id = ${wave.id} and ${inScope(sql`organisation_id`)}
			union all
			select role_group, 0, 1, case when status = 'complete' then 1 else 0 end from responses
			where wave_id = ${wave.id} and ${inScope(sql`organisation_id`)}
		) counted
		group by code`
	);

	const counts = (r: { invited: number; started: number; completed: number }): TStatusCounts => ({
		invited: invite ? Number(r.invited) : null,
		started: Number(r.started),
		completed: Number(r.completed),
		rate: invite && Number(r.invited) > 0 ? round1((100 * Number(r.completed)) / Number(r.invited)) : null
	});

	const organisations: TOrganisationStatus[] = orgRows.map((r) => ({
		id: r.id,
		code: r.code,
		name: r.name,
		...counts(r)
	}));
	const groupOrder = questionnaire.roleGroups.map((g) => g.code);
	const roleGroups: TRoleGroupStatus[] = roleRows
		.map((r) => {
			const group = questionnaire.roleGroups.find((g) => g.code === r.code);
			return {
				code: r.code,
				label: group ? { sv: t(group.label, 'sv'), en: t(group.label, 'en') } : null,
				...counts(r)
			};
		})
		.sort((a, b) => rank(groupOrder, a.code) - rank(groupOrder, b.code));
	const total = orgRows.reduce(
		(sum, r) => ({
			invited: sum.invited + Number(r.invited),
			started: sum.started + Number(r.started),
			completed: sum.completed + Number(r.completed)
		}),
		{ invited: 0, started: 0, completed: 0 }
	);

	// The units the wave went to: those with invited participants, or every unit on an open link.
	const named = orgRows.filter((r) => r.id !== null);
	const targeted = invite ? named.filter((r) => Number(r.invited) > 0) : named;
	const headlineCounts = {
		organisationsResponded: named.filter((r) => Number(r.completed) > 0).length,
		organisationsInvited: targeted.length,
		respondents: total.completed,
		municipalities: targeted.length > 0 && targeted.every((r) => r.kind === 'municipality')
	};
	const headlineFigures = {
		organisations: {
			invited: headlineCounts.organisationsInvited,
			responded: headlineCounts.organisationsResponded
		},
		respondents: headlineCounts.respondents,
		units: headlineCounts.municipalities ? 'municipalities' : 'organisations'
	} as const;
	return {
		wave: {
			slug: wave.slug,
			name: wave.name,
			period: wave.period,
			mode: wave.mode,
			status: wave.status,
			anonymous: wave.anonymous,
			deadline: wave.deadline,
			minGroupSize: wave.minGroupSize
		},
		/** False on an open link: nobody is invited, so there is no rate. */
		hasInvitations: invite,
		total: counts(total),
		organisations,
		roleGroups,
		headline: {
			...headlineCounts,
			sv: responseHeadline(headlineFigures, 'sv'),
			en: responseHeadline(headlineFigures, 'en')
		}
	};
}
export type TWaveStatus = z.infer<typeof ZWaveStatus>;

const round1 = (x: number) => Math.round(x * 10) / 10;
const rank = (order: string[], code: string | null) => {
	const i = code === null ? -1 : order.indexOf(code);
	return i === -1 ? order.length + (code === null ? 1 : 0) : i;
};

async function rows<T>(db: TDb, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}
