import { readConfig } from '../../lib/server/config.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { createMailTransport } from '../../lib/server/mail/create-mail-transport.ts';
import { drainQueue } from '../../lib/server/mail/drain-queue.ts';
import { mailSettings } from '../../lib/server/mail/mail-settings.ts';
import { runningMailWorker } from '../../lib/server/mail/mail-worker.ts';
import { queueInvitations } from '../../lib/server/mail/queue-invitations.ts';
import { queueReminders } from '../../lib/server/mail/queue-reminders.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { sendMailHelp } from './send-mail-help.ts';

const kinds = {
	invitations: { queue: queueInvitations, what: 'invitations' },
	reminders: { queue: queueReminders, what: 'reminders' }
} as const;

/**
 * `mognad invitations send` and `mognad reminders send`: queue the wave's e-mail; inside a running server
 * its worker sends them, otherwise this command sends them before it exits.
 */
export function sendMailCommand(kind: keyof typeof kinds): TCommand {
	return async (argv, io) => {
		const args = parseCommandArgs(
			argv,
			{ wave: { type: 'string' }, lang: { type: 'string' } },
			sendMailHelp(kind),
			io
		);
		if (!args) return 0;
		const { wave, lang = 'sv' } = args.values;
		if (args.positionals[0] !== 'send' || !wave)
			throw new UsageError(`give "send" with --wave\n${sendMailHelp(kind)}`);
		if (lang !== 'sv' && lang !== 'en') throw new UsageError('--lang must be sv or en');
		const { db } = await getDatabase();
		const result = await kinds[kind].queue(db, {
			waveSlug: wave,
			origin: publicOrigin(),
			lang,
			actor: 'cli'
		});
		io.out(`${result.queued} ${kinds[kind].what} queued, ${result.skipped} participants skipped`);
		const worker = runningMailWorker();
		if (worker) {
			// Inside a running server: its worker sends them.
			worker.wake();
			io.out('The server is sending them.');
			return 0;
		}
		const config = readConfig();
		const transport = await createMailTransport(config.SMTP_URL);
		try {
			const sent = await drainQueue(db, transport, mailSettings(config));
			io.out(`${sent.sent} sent, ${sent.failed} failed, ${sent.outbox} to the outbox`);
			return sent.failed > 0 ? 1 : 0;
		} finally {
			transport?.close();
		}
	};
}
