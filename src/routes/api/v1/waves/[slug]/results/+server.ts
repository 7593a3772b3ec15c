import { json } from '@sveltejs/kit';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
import { parseResultsQuery } from '#lib/server/results/results-query.ts';
import { apiError } from '#lib/server/web/api-error.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

// Every role; what a contact may see is decided by getResultsForUser.
export const GET: RequestHandler = endpoint({ roles: ALL_ROLES, api: true }, async ({ user, db, event }) => {
	const query = parseResultsQuery(event.url.searchParams);
	if (!query.ok) return apiError(400, 'INVALID_INPUT', 'Invalid URL parameters', query.issues);
	return json(await getResultsForUser(db, user, { ...query.options, slug: event.params.slug }));
});
