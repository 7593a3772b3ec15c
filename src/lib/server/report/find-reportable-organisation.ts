import { eq } from 'drizzle-orm';
import { AppError, isAppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import type { TLoadedDisclosure } from '../results/load-disclosure.ts';
import { resolveOrganisationFilter } from '../results/resolve-organisation-filter.ts';

export interface TReportOrganisation {
	id: string;
	code: string;
	name: string;
	/** The unit and the units below it. */
	ids: string[];
}

/**
 * The organisation a report is made for, refused (with the reason) when the small-group rule hides its
 * figures: fewer than k complete responses, or a smaller group could be derived from it and other
 * selections (a set of reports for several units is a set of selections too).
 */
export async function findReportableOrganisation(
	db: TDb,
	slug: string,
	code: string,
	minGroupSize: number,
	preloaded?: TLoadedDisclosure
): Promise<TReportOrganisation> {
	const filter = await resolveOrganisationFilter(db, code);
	const [row] = await db
		.select({ name: organisations.name, code: organisations.code })
		.from(organisations)
		.where(eq(organisations.id, filter.id));
	const name = row?.name ?? code;
	try {
		await getWaveResults(db, { slug, organisation: filter.id }, preloaded);
	} catch (e) {
		if (!isAppError(e) || e.code !== 'SMALL_GROUP') throw e;
		throw new AppError(
			'FORBIDDEN',
			`${name} visas inte med siffror: enheten har färre än ${minGroupSize} fullständiga svar, eller så skulle en mindre grupp kunna räknas fram ur den. Ingen rapport tas fram för enheten.`
		);
	}
	return { id: filter.id, code: row?.code ?? filter.id, name, ids: filter.ids };
}
