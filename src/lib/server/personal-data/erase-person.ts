import { inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { auditLog, messages, participants, responses } from '../db/schema.ts';
import { emailHash } from './email-hash.ts';
import { findPerson, ZPersonEmail } from './find-person.ts';

export const ZErasePerson = z.object({
	email: ZPersonEmail,
	/** Also delete the responses linked to them; otherwise the answers stay, unlinked. */
	eraseAnswers: z.boolean().default(false),
	actor: z.string().min(1)
});
export type ErasePersonOptions = z.input<typeof ZErasePerson>;

/**
 * Erases one person in one transaction: their participant rows in every wave (with their further links),
 * the messages to them, and — when asked — their linked responses. Answers that stay lose the link and
 * the job title. Audit entries naming the address are rewritten to its hash, and the erasure is logged
 * the same way, so the log keeps no address in clear text.
 */
export async function erasePerson(db: TDb, options: ErasePersonOptions) {
	const input = ZErasePerson.parse(options);
	const subject = emailHash(input.email);
	return db.transaction(async (tx) => {
		const found = await findPerson(tx, input.email);
		if (found.length === 0) throw new AppError('NOT_FOUND', 'Ingen deltagare har den e-postadressen.');
		const ids = found.map((p) => p.id);
		const removedMessages = await tx
			.delete(messages)
			.where(or(inArray(messages.participantId, ids), sql`lower(${messages.toAddress}) = ${input.email}`))
			.returning({ id: messages.id });
		const linked = inArray(responses.participantId, ids);
		const removedResponses = input.eraseAnswers
			? await tx.delete(responses).where(linked).returning({ id: responses.id })
			: [];
		const unlinked = input.eraseAnswers
			? []
			: await tx
					.update(responses)
					.set({ participantId: null, role: null })
					.where(linked)
					.returning({ id: responses.id });
		await tx.delete(participants).where(inArray(participants.id, ids));
		await tx
			.update(auditLog)
			.set({ subject })
			.where(or(sql`lower(${auditLog.subject}) = ${input.email}`, inArray(auditLog.subject, ids)));
		const result = {
			participants: ids.length,
			messages: removedMessages.length,
			responsesDeleted: removedResponses.length,
			responsesUnlinked: unlinked.length
		};
		await recordAudit(tx, {
			actor: input.actor,
			action: 'personal_data.erase',
			subject,
			details: { ...result, eraseAnswers: input.eraseAnswers }
		});
		return result;
	});
}
