import { eq } from 'drizzle-orm';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { resolveOrganisationFilter } from '../results/resolve-organisation-filter.ts';

export interface TReportOrganisation {
	id: string;
	code: string;
	name: string;
	/** The unit and the units below it. */
	ids: string[];
}

/**
 * The organisation a report is made for, refused (with the reason) when it has fewer than k complete
 * responses, or, being a municipality, is hidden in the breakdown by organisation to protect a smaller one.
 */
export async function findReportableOrganisation(
	db: TDb,
	slug: string,
	code: string,
	minGroupSize: number
): Promise<TReportOrganisation> {
	const filter = await resolveOrganisationFilter(db, code);
	const [row] = await db
		.select({ name: organisations.name, code: organisations.code })
		.from(organisations)
		.where(eq(organisations.id, filter.id));
	const name = row?.name ?? code;
	const own = await getWaveResults(db, { slug, organisation: filter.id });
	if (own.responses.complete < minGroupSize) {
		throw new AppError(
			'FORBIDDEN',
			`${name} har ${own.responses.complete} svarande, färre än ${minGroupSize}: ingen rapport tas fram för enheten.`
		);
	}
	const breakdown = await getWaveResults(db, { slug, by: 'organisation' });
	const group = breakdown.breakdown?.find((g) => g.group === (row?.code ?? filter.id));
	if (group?.suppressed) {
		throw new AppError(
			'FORBIDDEN',
			`${name} döljs för att en mindre enhet (färre än ${minGroupSize} svarande) inte ska kunna räknas fram: ingen rapport tas fram för enheten.`
		);
	}
	return { id: filter.id, code: row?.code ?? filter.id, name, ids: filter.ids };
}
