import { AppError } from '../app-error.ts';
import type { TSessionUser } from '../auth/roles.ts';
import type { TDb } from '../db/client.ts';
import { getWaveResults, type TWaveResultsOptions } from './get-wave-results.ts';
import type { TWaveResults } from './wave-results-schema.ts';

/**
 * A wave's results as a user may see them. Administrators, analysts and viewers see everything. An
 * organisation contact sees only their own unit with the units below it, and only when it has at least k
 * respondents; they cannot narrow it further by role group or unit (a breakdown, with its small-group
 * rule, is the way to look inside), since two such totals would give away a small remainder.
 * Of the free text, results carry only the answers the analyst released (see listReleasedAnswers), for
 * a contact those of their own unit, and only when it has at least k respondents.
 */
export async function getResultsForUser(
	db: TDb,
	user: Pick<TSessionUser, 'role' | 'organisationId'>,
	options: TWaveResultsOptions
): Promise<TWaveResults> {
	if (user.role !== 'contact') return getWaveResults(db, options);
	if (!user.organisationId) throw new AppError('FORBIDDEN', 'This account is bound to no organisation.');
	if (
		options.roleGroup !== undefined ||
		(options.organisation !== undefined && options.organisation !== user.organisationId)
	) {
		throw new AppError(
			'FORBIDDEN',
			"An organisation contact sees their own organisation's results; use a breakdown to look inside it."
		);
	}
	const results = await getWaveResults(db, { ...options, organisation: user.organisationId });
	const counted =
		results.responses.complete + (results.filters.includePartial ? results.responses.partial : 0);
	if (counted < results.wave.minGroupSize) {
		throw new AppError(
			'FORBIDDEN',
			`Results are shown when at least ${results.wave.minGroupSize} people in your organisation have answered.`
		);
	}
	return results;
}
