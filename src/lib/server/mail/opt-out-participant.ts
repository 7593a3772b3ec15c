import { eq, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { participants } from '../db/schema.ts';

/** Marks a participant as not wanting more e-mail; the first opt-out's time is kept. */
export async function optOutParticipant(db: TDb, participantId: string): Promise<void> {
	await db
		.update(participants)
		.set({ optedOutAt: sql`coalesce(${participants.optedOutAt}, now())` })
		.where(eq(participants.id, participantId));
}
