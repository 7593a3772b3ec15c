import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations, participants, waves } from '../db/schema.ts';
import { generateToken, hashToken } from '../tokens.ts';

export const ZAddParticipant = z.object({
	waveSlug: z.string().min(1),
	name: z.string().trim().max(200).optional(),
	email: z.email().max(320).optional(),
	title: z.string().trim().max(200).optional(),
	organisationCode: z.string().min(1)
});
export type AddParticipantOptions = z.input<typeof ZAddParticipant>;

/** Invites one person to a wave. The token is returned once and only its hash is kept. */
export async function addParticipant(db: TDb, options: AddParticipantOptions) {
	const input = ZAddParticipant.parse(options);
	const [wave] = await db
		.select({ id: waves.id, mode: waves.mode })
		.from(waves)
		.where(eq(waves.slug, input.waveSlug));
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${input.waveSlug}"`);
	const [org] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.code, input.organisationCode));
	if (!org) throw new AppError('NOT_FOUND', `No organisation with code "${input.organisationCode}"`);
	const token = generateToken();
	const [row] = await db
		.insert(participants)
		.values({
			waveId: wave.id,
			name: input.name,
			email: input.email,
			title: input.title,
			organisationId: org.id,
			tokenHash: hashToken(token)
		})
		.returning({ id: participants.id });
	if (!row) throw new Error('insert returned no row');
	return { id: row.id, token };
}
