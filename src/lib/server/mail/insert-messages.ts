import { inArray, sql } from 'drizzle-orm';
import { renderMessage, type TMailLang, ZMessageInput } from '../../core/mail/render-message.ts';
import type { TTx } from '../db/client.ts';
import { messages, participants, participantTokens, type waves } from '../db/schema.ts';
import { generateToken, hashToken } from '../tokens.ts';
import { personalLinks } from './personal-links.ts';

export interface TRecipient {
	participantId: string;
	name: string | null;
	email: string | null;
	dedupeKey: string;
}

export interface TInsertMessagesOptions {
	wave: typeof waves.$inferSelect;
	kind: 'invitation' | 'reminder';
	lang: TMailLang;
	origin: string;
	recipients: TRecipient[];
}

const CHUNK = 500;

const sendable = (recipients: TRecipient[]) =>
	recipients.filter((r) => ZMessageInput.shape.to.safeParse(r.email).success);

/** What queueing would do: the recipients with a valid address, out of all participants. */
export function countOnly(participantCount: number, recipients: TRecipient[]) {
	const queued = sendable(recipients).length;
	return { queued, skipped: participantCount - queued };
}

/**
 * Queues one message per recipient, each with a newly minted personal link whose hash is stored in
 * `participant_tokens`. A message whose dedupe key exists already is left alone (and no link is kept for
 * it), so queueing twice sends once. Returns the participants a message was queued for.
 */
export async function insertMessages(tx: TTx, options: TInsertMessagesOptions): Promise<string[]> {
	const { wave, kind, lang, origin } = options;
	const queued: string[] = [];
	const recipients = sendable(options.recipients);
	for (let i = 0; i < recipients.length; i += CHUNK) {
		const tokens = new Map<string, string>();
		const rows = recipients.slice(i, i + CHUNK).map((r) => {
			const token = generateToken();
			tokens.set(r.participantId, token);
			const message = renderMessage({
				kind,
				lang,
				to: r.email ?? '',
				recipientName: r.name,
				waveName: wave.name,
				deadline: wave.deadline,
				senderName: wave.senderName,
				anonymous: wave.anonymous,
				...personalLinks(origin, token, lang)
			});
			return {
				waveId: wave.id,
				participantId: r.participantId,
				kind,
				dedupeKey: r.dedupeKey,
				toAddress: message.to,
				subject: message.subject,
				bodyText: message.text
			};
		});
		const inserted = await tx
			.insert(messages)
			.values(rows)
			.onConflictDoNothing({ target: messages.dedupeKey })
			.returning({ participantId: messages.participantId });
		const ids = inserted.map((row) => row.participantId).filter((id): id is string => id !== null);
		if (ids.length === 0) continue;
		await tx
			.insert(participantTokens)
			.values(ids.map((id) => ({ participantId: id, tokenHash: hashToken(tokens.get(id) ?? '') })));
		await tx
			.update(participants)
			.set(
				kind === 'invitation'
					? { invitedAt: sql`coalesce(${participants.invitedAt}, now())` }
					: { remindedAt: sql`now()`, reminderCount: sql`${participants.reminderCount} + 1` }
			)
			.where(inArray(participants.id, ids));
		queued.push(...ids);
	}
	return queued;
}
