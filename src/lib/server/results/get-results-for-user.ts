import type { TWaveResults } from '../../core/results/wave-results-schema.ts';
import { AppError } from '../app-error.ts';
import type { TSessionUser } from '../auth/roles.ts';
import type { TDb } from '../db/client.ts';
import { getWaveResults, type TWaveResultsOptions } from './get-wave-results.ts';

/**
 * A wave's results as a user may see them. The small-group rule holds for everyone (getWaveResults
 * refuses a selection it hides). Administrators, analysts and viewers may ask for any selection. An
 * organisation contact sees only their own unit with the units below it; they cannot narrow it by role
 * group or unit (a breakdown is the way to look inside).
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
	return getWaveResults(db, { ...options, organisation: user.organisationId });
}
