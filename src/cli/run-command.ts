import { isAppError } from '../lib/server/app-error.ts';
import type { TDatabase } from '../lib/server/db/client.ts';
import { useDatabase } from '../lib/server/db/instance.ts';
import type { TCommand, TCommandIo } from './command.ts';
import { demoHelp } from './commands/demo-help.ts';
import { exportHelp } from './commands/export-help.ts';
import { importHelp } from './commands/import-help.ts';
import { migrateHelp } from './commands/migrate-help.ts';
import { participantHelp } from './commands/participant-help.ts';
import { questionnaireHelp } from './commands/questionnaire-help.ts';
import { reportHelp } from './commands/report-help.ts';
import { resultsHelp } from './commands/results-help.ts';
import { sendMailHelp } from './commands/send-mail-help.ts';
import { serveHelp } from './commands/serve-help.ts';
import { userHelp } from './commands/user-help.ts';
import { waveHelp } from './commands/wave-help.ts';
import { UsageError } from './usage-error.ts';

/**
 * A command as the table knows it: its lines in `mognad --help`, its own help, and a loader. A command's
 * module (and with it the services and libraries it uses) is imported only when that command runs, so
 * that help, a typo and a quick command do not wait for PDF, Word, spreadsheet or chart libraries.
 */
interface TCommandEntry {
	/** What follows "mognad" and what it does, as printed under "Commands:". */
	summary: string;
	help: string;
	load: () => Promise<TCommand>;
}

const commands: Record<string, TCommandEntry> = {
	serve: {
		summary: 'serve                      build if needed, migrate, and serve the app (PORT, default 3000)',
		help: serveHelp,
		load: async () => {
			const { serveCommand } = await import('./commands/serve.ts');
			return (argv, io) => serveCommand(argv, io, runCommand);
		}
	},
	migrate: {
		summary: 'migrate                    apply database migrations and load the built-in data',
		help: migrateHelp,
		load: async () => (await import('./commands/migrate.ts')).migrateCommand
	},
	questionnaire: {
		summary: 'questionnaire list|validate <file>|import <file>',
		help: questionnaireHelp,
		load: async () => (await import('./commands/questionnaire.ts')).questionnaireCommand
	},
	wave: {
		summary: 'wave create|list|show|status|open|close',
		help: waveHelp,
		load: async () => (await import('./commands/wave.ts')).waveCommand
	},
	participant: {
		summary: 'participant add            invite one person to a wave and print their link',
		help: participantHelp,
		load: async () => (await import('./commands/participant.ts')).participantCommand
	},
	participants: {
		summary:
			'participants import        import a CSV or XLSX list of participants into a wave (all or nothing)',
		help: participantHelp,
		load: async () => (await import('./commands/participant.ts')).participantCommand
	},
	user: {
		summary: 'user create                create a staff account (--admin for an administrator)',
		help: userHelp,
		load: async () => (await import('./commands/user.ts')).userCommand
	},
	results: {
		summary: "results --wave <slug>      a wave's results (or --compare <slug>) as JSON or CSV",
		help: resultsHelp,
		load: async () => (await import('./commands/results.ts')).resultsCommand
	},
	export: {
		summary: `export responses|codebook --wave <slug>   a wave's raw data (CSV, XLSX, SPSS) or its codebook
  export questionnaire <code>      a questionnaire's definition as the file "questionnaire import" takes`,
		help: exportHelp,
		load: async () => (await import('./commands/export.ts')).exportCommand
	},
	invitations: {
		summary: 'invitations send --wave <slug>   queue and send the invitations of a wave',
		help: sendMailHelp('invitations'),
		load: async () => (await import('./commands/send-mail.ts')).sendMailCommand('invitations')
	},
	reminders: {
		summary: 'reminders send --wave <slug>     queue and send reminders to those who have not completed',
		help: sendMailHelp('reminders'),
		load: async () => (await import('./commands/send-mail.ts')).sendMailCommand('reminders')
	},
	import: {
		summary: 'import responses --wave <slug> <file> [--mapping m.json]   import responses (all or nothing)',
		help: importHelp,
		load: async () => (await import('./commands/import.ts')).importCommand
	},
	report: {
		summary:
			"report --wave <slug>       a wave's report as PDF, Word or HTML (the draft, or a published version)",
		help: reportHelp,
		load: async () => (await import('./commands/report.ts')).reportCommand
	},
	demo: {
		summary: "demo                       create the demo wave (Norrbotten 2020, with its report's figures)",
		help: demoHelp,
		load: async () => (await import('./commands/demo.ts')).demoCommand
	}
};

const usage = `Usage: mognad <command> [options]

Commands:
${Object.values(commands)
	.map((c) => `  ${c.summary}`)
	.join('\n')}

Run "mognad <command> --help" for a command's options.
Configuration: DATABASE_URL (unset: embedded database in MOGNAD_DATA_DIR, default ./data), PORT, ORIGIN,
SMTP_URL (unset: e-mail goes to the outbox), MAIL_FROM.`;

export function findCommand(name: string | undefined): TCommandEntry | undefined {
	return name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
}

/** As parseCommandArgs decides it: --help or -h anywhere among the command's arguments. */
export function asksForHelp(argv: string[]): boolean {
	return argv.includes('--help') || argv.includes('-h');
}

/**
 * Runs one command in this process. Errors print one line and give a non-zero exit code. With
 * `options.database`, the commands use that database instead of opening the configured one (tests).
 */
export async function runCommand(
	argv: string[],
	io: TCommandIo,
	options: { database?: TDatabase } = {}
): Promise<number> {
	if (options.database) useDatabase(options.database);
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.out(usage);
		return name ? 0 : 1;
	}
	const entry = findCommand(name);
	if (!entry) {
		io.err(`mognad: unknown command "${name}". Run "mognad --help".`);
		return 1;
	}
	if (asksForHelp(rest)) {
		io.out(entry.help);
		return 0;
	}
	try {
		const command = await entry.load();
		return await command(rest, io);
	} catch (error) {
		const [{ ZodError }, { describeError }] = await Promise.all([
			import('zod'),
			import('./describe-error.ts')
		]);
		io.err(`mognad: ${describeError(error)}`);
		return isAppError(error) || error instanceof ZodError || error instanceof UsageError ? 1 : 2;
	}
}
