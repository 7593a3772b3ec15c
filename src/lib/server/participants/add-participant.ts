import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { participants } from '../db/schema.ts';
import { insertParticipants } from './insert-participants.ts';
import { loadParticipantContext } from './participant-context.ts';

export const ZAddParticipant = z.object({
	waveSlug: z.string().min(1),
	name: z.string().trim().max(200).optional(),
	email: z.email().max(254).optional(),
	title: z.string().trim().max(200).optional(),
	/** The unit's official code, or its name when that is unique below the wave's organisation. */
	organisationCode: z.string().trim().min(1).max(200).optional(),
	/** Or the unit's id (as a form's list of units sends it). */
	organisationId: z.uuid().optional()
});
export type AddParticipantOptions = z.input<typeof ZAddParticipant>;

/**
 * Invites one person to a wave, with the role group of their title. The token is returned once and only
 * its hash is kept.
 */
export async function addParticipant(db: TDb, options: AddParticipantOptions) {
	const input = ZAddParticipant.parse(options);
	const { wave, findOrganisation, roleGroupOf } = await loadParticipantContext(db, input.waveSlug);
	const given = input.organisationId ?? input.organisationCode ?? '';
	const org = findOrganisation(given);
	if (!org.found) {
		throw new AppError(
			'NOT_FOUND',
			org.reason === 'ambiguous'
				? `Several organisations are called "${given}"; give the code instead`
				: `No organisation with the code or name "${given}" in this wave`
		);
	}
	const organisationId = org.found.id;
	return db.transaction(async (tx) => {
		if (input.email) {
			const [taken] = await tx
				.select({ id: participants.id })
				.from(participants)
				.where(
					and(
						eq(participants.waveId, wave.id),
						sql`lower(${participants.email}) = ${input.email.toLowerCase()}`
					)
				);
			if (taken) throw new AppError('CONFLICT', `${input.email} is already a participant in this wave`);
		}
		const [row] = await insertParticipants(tx, wave.id, [
			{ ...input, organisationId, roleGroup: roleGroupOf(input.title) }
		]);
		if (!row) throw new Error('insert returned no row');
		return row;
	});
}
