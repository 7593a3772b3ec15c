import { json } from '@sveltejs/kit';
import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { getWaveStatus } from '#lib/server/waves/get-wave-status.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { waveScope } from '#lib/server/web/wave-scope.ts';
import type { RequestHandler } from './$types';

/** Response rates of a wave as JSON; an organisation contact gets their own subtree only. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireRole(locals, ROLES, { api: true });
	const { db } = await getDatabase();
	const wave = await findWaveBySlug(db, params.slug);
	if (!wave)
		return json({ message: `No wave with the slug "${params.slug}"`, code: 'NOT_FOUND' }, { status: 404 });
	const organisationIds = await waveScope(db, user, wave, locals.lang);
	return json(await getWaveStatus(db, params.slug, { organisationIds }));
};
