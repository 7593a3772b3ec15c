import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb, TTx } from '../db/client.ts';
import { organisations, participants, responses, waves } from '../db/schema.ts';

export const ZPersonEmail = z
	.email()
	.max(320)
	.transform((e) => e.trim().toLowerCase());

/** Every participant row with this e-mail address (case-insensitive), across all waves. */
export async function findPerson(db: TDb | TTx, email: string) {
	const address = ZPersonEmail.parse(email);
	return db
		.select({
			id: participants.id,
			name: participants.name,
			email: participants.email,
			title: participants.title,
			roleGroup: participants.roleGroup,
			hasCompleted: participants.hasCompleted,
			invitedAt: participants.invitedAt,
			remindedAt: participants.remindedAt,
			reminderCount: participants.reminderCount,
			optedOutAt: participants.optedOutAt,
			bouncedAt: participants.bouncedAt,
			createdAt: participants.createdAt,
			wave: { id: waves.id, slug: waves.slug, name: waves.name, anonymous: waves.anonymous },
			organisation: { code: organisations.code, name: organisations.name },
			/** The linked response's status; always null in an anonymous wave. */
			responseStatus: responses.status
		})
		.from(participants)
		.innerJoin(waves, eq(waves.id, participants.waveId))
		.leftJoin(organisations, eq(organisations.id, participants.organisationId))
		.leftJoin(responses, eq(responses.participantId, participants.id))
		.where(sql`lower(${participants.email}) = ${address}`)
		.orderBy(asc(participants.createdAt));
}
export type TPersonParticipant = Awaited<ReturnType<typeof findPerson>>[number];
