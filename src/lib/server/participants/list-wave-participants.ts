import { asc, eq } from 'drizzle-orm';
import { participantStatus } from '../../core/participants/participant-status.ts';
import type { TDb } from '../db/client.ts';
import { organisations, participants, responses } from '../db/schema.ts';

/** A wave's participants with their organisation and fieldwork status, by organisation and name. */
export async function listWaveParticipants(db: TDb, waveId: string) {
	const rows = await db
		.select({
			id: participants.id,
			name: participants.name,
			email: participants.email,
			title: participants.title,
			roleGroup: participants.roleGroup,
			organisation: organisations.name,
			invitedAt: participants.invitedAt,
			remindedAt: participants.remindedAt,
			optedOutAt: participants.optedOutAt,
			bouncedAt: participants.bouncedAt,
			hasCompleted: participants.hasCompleted,
			responseStatus: responses.status
		})
		.from(participants)
		.leftJoin(organisations, eq(organisations.id, participants.organisationId))
		.leftJoin(responses, eq(responses.participantId, participants.id))
		.where(eq(participants.waveId, waveId))
		.orderBy(asc(organisations.name), asc(participants.name), asc(participants.email));
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		title: r.title,
		roleGroup: r.roleGroup,
		organisation: r.organisation,
		status: participantStatus(r)
	}));
}
