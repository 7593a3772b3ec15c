import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { ZBreakdown } from '../../core/results/breakdown.ts';
import { isAppError } from '../app-error.ts';
import type { TSessionUser } from '../auth/roles.ts';
import type { TDb } from '../db/client.ts';
import { resolveOrganisationFilter } from '../results/resolve-organisation-filter.ts';

// An empty field of a GET form (the "all" choice) means no filter.
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** The filters of the results pages' GET forms, as they arrive in the URL. */
export const ZResultsPageQuery = z.object({
	organisation: optional(z.string().trim().min(1).max(100)),
	role: optional(z.string().trim().min(1).max(100)),
	partial: optional(z.literal('1')),
	by: optional(ZBreakdown)
});

export interface TResultsScope {
	/** Code (or id) of the organisation whose subtree is counted; unset = the whole wave. */
	organisation?: string;
	/** The id of that organisation. */
	organisationId?: string;
	/** Ids of that subtree (unset = the whole wave). */
	organisationIds?: string[];
	roleGroup?: string;
	includePartial: boolean;
	by?: z.infer<typeof ZBreakdown>;
	/**
	 * An organisation contact: only their own subtree, figures only for selections of at least k
	 * respondents, never free text.
	 */
	restricted: boolean;
	/** The units this user may choose among: null = every unit; a contact only their own. */
	allowedIds: Set<string> | null;
}

const forbidden = (lang: 'sv' | 'en') =>
	error(403, {
		message:
			lang === 'en'
				? 'Your account may only see the results of its own organisation.'
				: 'Ditt konto får bara se resultaten för den egna organisationen.',
		code: 'FORBIDDEN'
	});

/**
 * What a signed-in user may see with the filters in `params`: staff other than contacts get what they ask
 * for; an organisation contact is held to their own unit with the units below it (asking for another
 * unit, or for a role group, is 403).
 */
export async function resultsScope(
	db: TDb,
	user: TSessionUser,
	params: URLSearchParams,
	lang: 'sv' | 'en'
): Promise<TResultsScope> {
	const parsed = ZResultsPageQuery.safeParse(Object.fromEntries(params));
	if (!parsed.success) {
		error(400, { message: lang === 'en' ? 'The filters are not valid.' : 'Filtren är inte giltiga.' });
	}
	const query = parsed.data;
	const resolve = async (codeOrId: string) => {
		try {
			return await resolveOrganisationFilter(db, codeOrId);
		} catch (e) {
			if (isAppError(e) && e.code === 'NOT_FOUND') {
				error(404, {
					message: lang === 'en' ? 'There is no such organisation.' : 'Organisationen finns inte.'
				});
			}
			throw e;
		}
	};
	const common = { includePartial: query.partial === '1', by: query.by };
	if (user.role !== 'contact') {
		const organisation = query.organisation ? await resolve(query.organisation) : null;
		return {
			...common,
			organisation: organisation?.label,
			organisationId: organisation?.id,
			organisationIds: organisation?.ids,
			roleGroup: query.role,
			restricted: false,
			allowedIds: null
		};
	}
	// A contact sees their own unit as a whole: narrowing it to a unit below or a role group would give
	// two totals whose difference is a small remainder (a breakdown, with its small-group rule, is the
	// way to look inside). The same rule as getResultsForUser, which the results page calls.
	const own = user.organisationId;
	if (!own || query.role) forbidden(lang);
	const organisation = await resolve(query.organisation ?? own ?? '');
	if (organisation.id !== own) forbidden(lang);
	return {
		...common,
		organisation: organisation.id,
		organisationId: organisation.id,
		organisationIds: organisation.ids,
		restricted: true,
		allowedIds: new Set([organisation.id])
	};
}
