import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpPeer, startSmtpPeer } from '../../../../tests/support/smtp-peer.ts';
import type { TDatabase } from '../db/client.ts';
import { auditLog, messages, participants, participantTokens, responses, waves } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { resolveRespondent } from '../responses/resolve-respondent.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { createMailTransport, type TMailTransport } from './create-mail-transport.ts';
import { drainQueue } from './drain-queue.ts';
import { listWaveMessages } from './list-wave-messages.ts';
import type { TMailSettings } from './mail-settings.ts';
import { optOutParticipant } from './opt-out-participant.ts';
import { previewMessages } from './preview-messages.ts';
import { queueInvitations } from './queue-invitations.ts';
import { queueReminders } from './queue-reminders.ts';
import { retryMessage } from './retry-message.ts';
import { sendDueMessages } from './send-due-messages.ts';

let database: TDatabase;
const ORIGIN = 'https://mognad.example';
const settings: TMailSettings = {
	from: 'Region Norrbotten <enkat@example.org>',
	maxAttempts: 4,
	retryBaseMs: 20,
	batchSize: 10,
	leaseMs: 60_000,
	pollMs: 50,
	workerId: 'test-worker'
};
const transports: TMailTransport[] = [];
const peers: SmtpPeer[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
});
afterEach(async () => {
	for (const t of transports.splice(0)) t.close();
	for (const p of peers.splice(0)) await p.stop();
});
afterAll(async () => database.close());

async function peerAndTransport(options: Parameters<typeof startSmtpPeer>[0] = {}) {
	const peer = await startSmtpPeer(options);
	peers.push(peer);
	const transport = await createMailTransport(peer.url);
	if (!transport) throw new Error('no transport');
	transports.push(transport);
	return { peer, transport };
}

/** An open wave with `n` participants named Person 1… at person<i>@<slug>.example. */
async function waveWith(slug: string, n: number, details: Partial<typeof waves.$inferInsert> = {}) {
	const wave = await createWave(database.db, {
		questionnaireCode: 'digital-mognad-i-kommuner',
		name: `Mognad ${slug}`,
		slug
	});
	await database.db
		.update(waves)
		.set({ deadline: '2020-05-31', senderName: 'Anna Analytiker, Region Norrbotten', ...details })
		.where(eq(waves.id, wave.id));
	await setWaveStatus(database.db, slug, 'open');
	const ids: string[] = [];
	for (let i = 1; i <= n; i++) {
		const p = await addParticipant(database.db, {
			waveSlug: slug,
			organisationCode: '2580',
			name: `Person ${i}`,
			email: `person${i}@${slug}.example`
		});
		ids.push(p.id);
	}
	return { wave, ids };
}

const queue = (slug: string) =>
	queueInvitations(database.db, { waveSlug: slug, origin: ORIGIN, actor: 'test' });
const remind = (slug: string) =>
	queueReminders(database.db, { waveSlug: slug, origin: ORIGIN, actor: 'test' });
const failedSends = async (waveId: string) =>
	(
		await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(messages)
			.where(and(eq(messages.waveId, waveId), sql`${messages.lastError} is not null`))
	)[0]?.n ?? 0;
const tokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

describe('invitations', () => {
	it('arrive once each with the greeting, the wave, the deadline, the sender and a working personal link', async () => {
		const { wave, ids } = await waveWith('inbjudan', 3);
		const { peer, transport } = await peerAndTransport();
		expect(await queue('inbjudan')).toEqual({ queued: 3, skipped: 0 });
		expect(await drainQueue(database.db, transport, settings)).toEqual({
			sent: 3,
			failed: 0,
			retrying: 0,
			outbox: 0
		});
		expect(peer.received.map((m) => m.to).sort()).toEqual([
			['person1@inbjudan.example'],
			['person2@inbjudan.example'],
			['person3@inbjudan.example']
		]);
		const first = peer.received.find((m) => m.to[0] === 'person1@inbjudan.example');
		expect(first?.subject).toBe('Inbjudan: Mognad inbjudan');
		expect(first?.text).toContain('Hej Person 1!');
		expect(first?.text).toContain('Sista dag att svara är 2020-05-31.');
		expect(first?.text).toContain('Med vänlig hälsning\nAnna Analytiker, Region Norrbotten');
		const token = tokenIn(first?.text ?? '');
		expect(first?.text).toContain(`${ORIGIN}/s/${token}\n`);
		expect(first?.text).toContain(`${ORIGIN}/s/${token}/avregistrera`);
		// The link leads to the participant it was sent to.
		const respondent = await resolveRespondent(database.db, token);
		expect(respondent?.participant?.id).toBe(ids[0]);
		expect(respondent?.mode).toBe('invite');

		// Only the hash of the link is stored, and the sent text no longer holds it.
		const stored = await database.db.select().from(messages).where(eq(messages.waveId, wave.id));
		expect(stored.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
		for (const m of stored) {
			expect(m.bodyText).toContain(`${ORIGIN}/s/[borttagen]`);
			expect(tokenIn(m.bodyText)).toBe('');
			expect(m.smtpMessageId).toBe(`<${m.id}@example.org>`);
			expect(m.dedupeKey).toBe(`invitation:${m.participantId}`);
		}
		expect(new Set(peer.received.map((m) => m.messageId))).toEqual(
			new Set(stored.map((m) => m.smtpMessageId))
		);
		const tokens = await database.db.select().from(participantTokens);
		expect(tokens.filter((t) => ids.includes(t.participantId))).toHaveLength(3);
		const invited = await database.db
			.select({ invitedAt: participants.invitedAt })
			.from(participants)
			.where(eq(participants.waveId, wave.id));
		expect(invited.every((p) => p.invitedAt !== null)).toBe(true);
		const audit = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'invitations.queue'), eq(auditLog.subject, 'inbjudan')));
		expect(audit.map((a) => [a.actor, a.details])).toEqual([['test', { queued: 3, skipped: 0 }]]);
	});

	it('are queued once however often they are sent, and skip those who opted out', async () => {
		const { ids } = await waveWith('igen', 3);
		await optOutParticipant(database.db, ids[2] ?? '');
		const { peer, transport } = await peerAndTransport();
		const results = await Promise.all([queue('igen'), queue('igen')]);
		expect(results.map((r) => r.queued).sort()).toEqual([0, 2]);
		expect(await queue('igen')).toEqual({ queued: 0, skipped: 3 });
		await drainQueue(database.db, transport, settings);
		expect(await queue('igen')).toEqual({ queued: 0, skipped: 3 });
		await drainQueue(database.db, transport, settings);
		expect(peer.received.map((m) => m.to[0]).sort()).toEqual([
			'person1@igen.example',
			'person2@igen.example'
		]);
		// Tokens were minted only for the messages that were queued.
		const tokens = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(participantTokens)
			.where(sql`${participantTokens.participantId} in ${ids}`);
		expect(tokens[0]?.n).toBe(2);
	});

	it('are written in English, with English links, when asked', async () => {
		await waveWith('english', 1, { anonymous: true });
		const { peer, transport } = await peerAndTransport();
		await queueInvitations(database.db, { waveSlug: 'english', origin: ORIGIN, actor: 'test', lang: 'en' });
		await drainQueue(database.db, transport, settings);
		const text = peer.received[0]?.text ?? '';
		expect(peer.received[0]?.subject).toBe('Invitation: Mognad english');
		expect(text).toContain('Hello Person 1,');
		expect(text).toMatch(/\/s\/[A-Za-z0-9_-]{43}\?lang=en\n/);
		expect(text).toContain('The questionnaire is anonymous');
	});

	it('land in the outbox, readable with their link, when no SMTP server is configured', async () => {
		const { wave, ids } = await waveWith('utkorg', 2);
		await queue('utkorg');
		expect(await drainQueue(database.db, null, settings)).toMatchObject({ sent: 0, outbox: 2 });
		const listed = await listWaveMessages(database.db, wave.id);
		expect(listed.counts).toEqual({ queued: 0, sending: 0, sent: 0, failed: 0, outbox: 2 });
		const body = listed.outbox[0]?.bodyText ?? '';
		expect(listed.outbox[0]?.subject).toBe('Inbjudan: Mognad utkorg');
		const respondent = await resolveRespondent(database.db, tokenIn(body));
		expect(ids).toContain(respondent?.participant?.id);
	});

	it('are refused for a wave that is not open', async () => {
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Utkast',
			slug: 'utkast'
		});
		await expect(queue('utkast')).rejects.toThrow('Open the wave "utkast" before sending e-mail');
		await expect(queue('finns-inte')).rejects.toThrow('No wave with the slug "finns-inte"');
	});
});

describe('preview', () => {
	it('renders both e-mails for the first participant without queueing or minting a link', async () => {
		const { wave } = await waveWith('forhand', 2);
		const tokensBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(participantTokens);
		const preview = await previewMessages(database.db, { waveSlug: 'forhand', origin: ORIGIN });
		expect(preview?.invitation.to).toBe('person1@forhand.example');
		expect(preview?.invitation.subject).toBe('Inbjudan: Mognad forhand');
		expect(preview?.invitation.text).toContain(`${ORIGIN}/s/[personlig-länk]\n`);
		expect(preview?.reminder.subject).toBe('Påminnelse: Mognad forhand');
		expect(await database.db.select().from(messages).where(eq(messages.waveId, wave.id))).toEqual([]);
		const tokensAfter = await database.db.select({ n: sql<number>`count(*)::int` }).from(participantTokens);
		expect(tokensAfter).toEqual(tokensBefore);
	});
});

describe('reminders', () => {
	it('go only to invited participants who have not completed, opted out or bounced', async () => {
		const { wave, ids } = await waveWith('paminn', 6);
		const [notInvited, completedFlag, completedResponse, optedOut, bounced, waiting] = ids as [
			string,
			string,
			string,
			string,
			string,
			string
		];
		await database.db.update(participants).set({ invitedAt: null }).where(eq(participants.id, notInvited));
		const { peer, transport } = await peerAndTransport();
		await queue('paminn');
		await database.db.update(participants).set({ invitedAt: null }).where(eq(participants.id, notInvited));
		await drainQueue(database.db, transport, settings);
		await database.db
			.update(participants)
			.set({ hasCompleted: true })
			.where(eq(participants.id, completedFlag));
		await database.db
			.insert(responses)
			.values({ waveId: wave.id, participantId: completedResponse, status: 'complete' });
		await optOutParticipant(database.db, optedOut);
		await database.db.update(participants).set({ bouncedAt: new Date() }).where(eq(participants.id, bounced));
		peer.received.length = 0;

		expect(await remind('paminn')).toEqual({ queued: 1, skipped: 5 });
		// A second click before the first reminder went out queues nothing more.
		expect(await remind('paminn')).toEqual({ queued: 0, skipped: 6 });
		await drainQueue(database.db, transport, settings);
		expect(peer.received.map((m) => [m.to[0], m.subject])).toEqual([
			['person6@paminn.example', 'Påminnelse: Mognad paminn']
		]);
		expect(peer.received[0]?.text).toContain('Vi har ännu inte fått ditt svar');
		const token = tokenIn(peer.received[0]?.text ?? '');
		expect((await resolveRespondent(database.db, token))?.participant?.id).toBe(waiting);

		// Once sent, the next reminder is the second one.
		expect(await remind('paminn')).toEqual({ queued: 1, skipped: 5 });
		const [p] = await database.db.select().from(participants).where(eq(participants.id, waiting));
		expect(p?.reminderCount).toBe(2);
		const keys = await database.db
			.select({ key: messages.dedupeKey })
			.from(messages)
			.where(and(eq(messages.participantId, waiting), eq(messages.kind, 'reminder')));
		expect(keys.map((k) => k.key).sort()).toEqual([`reminder:${waiting}:1`, `reminder:${waiting}:2`]);
		await drainQueue(database.db, transport, settings);
		expect(peer.received.map((m) => m.to[0])).toEqual(['person6@paminn.example', 'person6@paminn.example']);
	});
});

describe('sending faults', () => {
	it('retries a temporary refusal and sends the message once', async () => {
		const { wave } = await waveWith('tillfalligt', 2);
		const { peer, transport } = await peerAndTransport({
			policy: (address, attempt) => (address.startsWith('person1@') && attempt <= 2 ? 451 : null)
		});
		await queue('tillfalligt');
		const result = await drainQueue(database.db, transport, settings);
		expect(result).toEqual({ sent: 2, failed: 0, retrying: 2, outbox: 0 });
		expect(peer.received.map((m) => m.to[0]).sort()).toEqual([
			'person1@tillfalligt.example',
			'person2@tillfalligt.example'
		]);
		const rows = await database.db
			.select({ to: messages.toAddress, attempts: messages.attempts, status: messages.status })
			.from(messages)
			.where(eq(messages.waveId, wave.id))
			.orderBy(messages.toAddress);
		expect(rows).toEqual([
			{ to: 'person1@tillfalligt.example', attempts: 3, status: 'sent' },
			{ to: 'person2@tillfalligt.example', attempts: 1, status: 'sent' }
		]);
	});

	it('gives up after the last attempt and shows the error', async () => {
		const { wave } = await waveWith('alltid-sen', 1);
		const { peer, transport } = await peerAndTransport({ policy: () => 421 });
		await queue('alltid-sen');
		expect(await drainQueue(database.db, transport, settings)).toEqual({
			sent: 0,
			failed: 1,
			retrying: 3,
			outbox: 0
		});
		expect(peer.received).toEqual([]);
		const listed = await listWaveMessages(database.db, wave.id);
		expect(listed.failed[0]?.attempts).toBe(4);
		expect(listed.failed[0]?.lastError).toContain('421');
	});

	it('marks a permanently refused address as bounced without retrying, and can retry it on request', async () => {
		const { wave, ids } = await waveWith('studs', 2);
		let refuse = true;
		const { peer, transport } = await peerAndTransport({
			policy: (address) => (refuse && address.startsWith('person2@') ? 550 : null)
		});
		await queue('studs');
		expect(await drainQueue(database.db, transport, settings)).toEqual({
			sent: 1,
			failed: 1,
			retrying: 0,
			outbox: 0
		});
		const listed = await listWaveMessages(database.db, wave.id);
		expect(listed.counts).toMatchObject({ sent: 1, failed: 1 });
		expect(listed.failed[0]?.toAddress).toBe('person2@studs.example');
		expect(listed.failed[0]?.attempts).toBe(1);
		expect(listed.failed[0]?.lastError).toContain('550');
		const [p] = await database.db
			.select()
			.from(participants)
			.where(eq(participants.id, ids[1] ?? ''));
		expect(p?.bouncedAt).not.toBeNull();

		refuse = false;
		await retryMessage(database.db, {
			waveId: wave.id,
			messageId: listed.failed[0]?.id ?? '',
			actor: 'test'
		});
		await drainQueue(database.db, transport, settings);
		expect(peer.received.map((m) => m.to[0]).sort()).toEqual([
			'person1@studs.example',
			'person2@studs.example'
		]);
		await expect(
			retryMessage(database.db, { waveId: wave.id, messageId: listed.failed[0]?.id ?? '', actor: 'test' })
		).rejects.toThrow('No failed message');
	});

	it('delivers every message exactly once when the SMTP server goes away mid-batch and comes back', async () => {
		const { wave } = await waveWith('avbrott', 60);
		let restarted: Promise<void> | null = null;
		const { peer, transport } = await peerAndTransport({
			onAccepted: () => {
				if (peer.received.length === 15 && !restarted) {
					// Back only once a send has failed for want of the server.
					restarted = peer.stop().then(async () => {
						while ((await failedSends(wave.id)) === 0) await new Promise((r) => setTimeout(r, 20));
						await peer.start();
					});
				}
			}
		});
		await queue('avbrott');
		const result = await drainQueue(database.db, transport, { ...settings, maxAttempts: 10 });
		await restarted;
		expect(result.sent).toBe(60);
		expect(result.failed).toBe(0);
		expect(result.retrying).toBeGreaterThan(0);
		const perRecipient = new Map<string, Set<string>>();
		for (const m of peer.received) {
			for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? new Set()).add(m.messageId));
		}
		expect(peer.received).toHaveLength(60);
		expect(perRecipient.size).toBe(60);
		expect([...perRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
		const listed = await listWaveMessages(database.db, wave.id);
		expect(listed.counts.sent).toBe(60);
	});

	it('sends a message whose process died while holding it once its lease has run out', async () => {
		const { wave } = await waveWith('lease', 1);
		const { peer, transport } = await peerAndTransport();
		await queue('lease');
		// As a process that claimed the message and died would leave it.
		await database.db
			.update(messages)
			.set({
				status: 'sending',
				lockedBy: 'dead-process',
				lockedUntil: sql`now() + interval '1 hour'`,
				attempts: 1
			})
			.where(eq(messages.waveId, wave.id));
		expect((await sendDueMessages(database.db, transport, settings)).claimed).toBe(0);
		await database.db
			.update(messages)
			.set({ lockedUntil: sql`now() - interval '1 second'` })
			.where(eq(messages.waveId, wave.id));
		expect(await drainQueue(database.db, transport, settings)).toMatchObject({ sent: 1 });
		expect(peer.received).toHaveLength(1);
		const [row] = await database.db.select().from(messages).where(eq(messages.waveId, wave.id));
		expect(row).toMatchObject({ status: 'sent', attempts: 2, lockedBy: null });
	});
});
