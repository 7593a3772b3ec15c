import { organisationLookup } from '../../core/organisations/organisation-lookup.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '../waves/list-wave-organisations.ts';
import { roleGroupResolver } from './role-group-resolver.ts';

/**
 * What adding people to a wave needs: the wave (not closed), its units found by code or name (only those
 * below the organisation running the wave), and the role group of a title.
 */
export async function loadParticipantContext(db: TDb, waveSlug: string) {
	const wave = await findWaveBySlug(db, waveSlug);
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${waveSlug}"`);
	if (wave.status === 'closed') {
		throw new AppError('WAVE_CLOSED', `The wave "${waveSlug}" is closed; open it again to add participants`);
	}
	const units = wave.ownerOrganisationId
		? await listWaveOrganisations(db, wave.ownerOrganisationId)
		: await db
				.select({ id: organisations.id, code: organisations.code, name: organisations.name })
				.from(organisations);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	return {
		wave,
		findOrganisation: organisationLookup(units).find,
		roleGroupOf: await roleGroupResolver(db, questionnaire)
	};
}
