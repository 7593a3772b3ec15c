import { error } from '@sveltejs/kit';
import type { TSessionUser } from '../auth/roles.ts';
import type { TDb } from '../db/client.ts';
import { organisationSubtreeIds } from '../organisations/organisation-subtree.ts';

/**
 * The units whose figures a user may see in a wave: `undefined` (all) for staff, an organisation
 * contact's own subtree, or null when the contact's unit does not take part in the wave.
 */
export async function visibleUnits(
	db: TDb,
	user: TSessionUser,
	wave: { ownerOrganisationId: string | null }
): Promise<string[] | undefined | null> {
	if (user.role !== 'contact') return undefined;
	if (!user.organisationId || !wave.ownerOrganisationId) return null;
	const waveUnits = await organisationSubtreeIds(db, wave.ownerOrganisationId);
	if (!waveUnits.includes(user.organisationId)) return null;
	return organisationSubtreeIds(db, user.organisationId);
}

/** As `visibleUnits`, but a contact outside the wave (a slug edited in the URL) gets 403 and sees nothing. */
export async function waveScope(
	db: TDb,
	user: TSessionUser,
	wave: { ownerOrganisationId: string | null },
	lang: 'sv' | 'en' = 'sv'
): Promise<string[] | undefined> {
	const units = await visibleUnits(db, user, wave);
	if (units === null) {
		error(403, {
			message:
				lang === 'en'
					? 'Your organisation does not take part in this wave.'
					: 'Din organisation deltar inte i den här mätomgången.',
			code: 'FORBIDDEN'
		});
	}
	return units;
}
