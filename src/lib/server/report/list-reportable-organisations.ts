import type { TDb } from '../db/client.ts';
import { getWaveResults } from '../results/get-wave-results.ts';

export interface TReportableOrganisation {
	/** Official code (or id when the unit has none). */
	code: string;
	name: string;
	respondents: number;
}

/**
 * The municipalities (units directly below the wave's owner) that may get a report of their own: those
 * the breakdown by organisation shows, i.e. with at least k respondents and not hidden to protect a
 * smaller one (a set of reports for all of them is a breakdown too).
 */
export async function listReportableOrganisations(db: TDb, slug: string): Promise<TReportableOrganisation[]> {
	const results = await getWaveResults(db, { slug, by: 'organisation' });
	return (results.breakdown ?? []).flatMap((g): TReportableOrganisation[] =>
		!g.suppressed && g.group !== null && g.n !== null
			? [{ code: g.group, name: g.label, respondents: g.n }]
			: []
	);
}
