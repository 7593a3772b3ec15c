import { json } from '@sveltejs/kit';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { apiError } from '#lib/server/web/api-error.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { waveScope } from '#lib/server/web/wave-scope.ts';
import type { RequestHandler } from './$types';

/** Response rates of a wave as JSON; an organisation contact gets their own subtree only. */
export const GET: RequestHandler = endpoint(
	{ roles: ALL_ROLES, api: true },
	async ({ user, db, lang, event }) => {
		const { slug } = event.params;
		const wave = await findWaveBySlug(db, slug);
		if (!wave) return apiError(404, 'NOT_FOUND', `No wave with the slug "${slug}"`);
		const organisationIds = await waveScope(db, user, wave, lang);
		return json(await getWaveStatus(db, slug, { organisationIds }));
	}
);
