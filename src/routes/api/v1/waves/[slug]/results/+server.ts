import { json } from '@sveltejs/kit';
import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
import { parseResultsQuery } from '#lib/server/results/results-query.ts';
import { apiError, orApiError } from '#lib/server/web/api-error.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

// Every staff role; what a contact may see is decided by getResultsForUser.
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const user = requireRole(locals, ROLES, { api: true });
	const query = parseResultsQuery(url.searchParams);
	if (!query.ok) return apiError(400, 'INVALID_INPUT', 'Invalid URL parameters', query.issues);
	const { db } = await getDatabase();
	return orApiError(async () =>
		json(await getResultsForUser(db, user, { ...query.options, slug: params.slug }))
	);
};
