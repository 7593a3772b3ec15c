import { ZodError } from 'zod';
import { isAppError } from '../lib/server/app-error.ts';
import { readConfig } from '../lib/server/config.ts';
import { closeDatabase } from '../lib/server/db/instance.ts';
import { logger } from '../lib/server/logger.ts';
import { consoleIo, readStandardInput, type TCommand, type TCommandIo } from './command.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { participantCommand } from './commands/participant.ts';
import { questionnaireCommand } from './commands/questionnaire.ts';
import { reportCommand } from './commands/report.ts';
import { resultsCommand } from './commands/results.ts';
import { sendMailCommand } from './commands/send-mail.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/user.ts';
import { waveCommand } from './commands/wave.ts';
import { controlSocketPath, forwardCommand } from './control-socket.ts';
import { describeError } from './describe-error.ts';
import { UsageError } from './usage-error.ts';

const commands: Record<string, TCommand> = {
	serve: (argv, io) => serveCommand(argv, io, runCommand),
	migrate: migrateCommand,
	questionnaire: questionnaireCommand,
	wave: waveCommand,
	participant: participantCommand,
	participants: participantCommand,
	user: userCommand,
	results: resultsCommand,
	export: exportCommand,
	invitations: sendMailCommand('invitations'),
	reminders: sendMailCommand('reminders'),
	import: importCommand,
	report: reportCommand,
	demo: demoCommand
};

const usage = `Usage: mognad <command> [options]

Commands:
  serve                      build if needed, migrate, and serve the app (PORT, default 3000)
  migrate                    apply database migrations and load the built-in data
  questionnaire list|validate <file>|import <file>
  wave create|list|show|status|open|close
  participant add            invite one person to a wave and print their link
  participants import        import a CSV or XLSX list of participants into a wave (all or nothing)
  user create                create a staff account (--admin for an administrator)
  results --wave <slug>      a wave's results (or --compare <slug>) as JSON or CSV
  export responses|codebook --wave <slug>   a wave's raw data (CSV, XLSX, SPSS) or its codebook
  export questionnaire <code>      a questionnaire's definition as the file "questionnaire import" takes
  invitations send --wave <slug>   queue and send the invitations of a wave
  reminders send --wave <slug>     queue and send reminders to those who have not completed
  import responses --wave <slug> <file> [--mapping m.json]   import responses (all or nothing)
  report --wave <slug>       a wave's report as PDF, Word or HTML (the draft, or a published version)
  demo                       create the demo wave (Norrbotten 2020, with its report's figures)

Run "mognad <command> --help" for a command's options.
Configuration: DATABASE_URL (unset: embedded database in MOGNAD_DATA_DIR, default ./data), PORT, ORIGIN,
SMTP_URL (unset: e-mail goes to the outbox), MAIL_FROM.`;

/**
 * Runs the CLI; returns the exit code. With the embedded database in use by a running server, commands
 * other than `serve` run inside that server (see control-socket.ts).
 */
export async function main(argv: string[]): Promise<number> {
	const [name] = argv;
	const config = readConfig();
	if (name && name !== 'serve' && commands[name] && !config.DATABASE_URL) {
		// Standard input is read here and sent along: the server has none of the caller's.
		const input = argv.includes('--password-stdin') ? await readStandardInput() : undefined;
		const forwarded = await forwardCommand(controlSocketPath(config.MOGNAD_DATA_DIR), argv, consoleIo, input);
		if (forwarded !== null) return forwarded;
	}
	// Commands print their results; the log is for the server, and for problems.
	if (name !== 'serve' && !process.env.LOG_LEVEL) logger.level = 'warn';
	try {
		return await runCommand(argv, consoleIo);
	} finally {
		await closeDatabase();
	}
}

/** Runs one command in this process. Errors print one line and give a non-zero exit code. */
export async function runCommand(argv: string[], io: TCommandIo): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		io.out(usage);
		return name ? 0 : 1;
	}
	const command = commands[name];
	if (!command) {
		io.err(`mognad: unknown command "${name}". Run "mognad --help".`);
		return 1;
	}
	try {
		return await command(rest, io);
	} catch (error) {
		io.err(`mognad: ${describeError(error)}`);
		return isAppError(error) || error instanceof ZodError || error instanceof UsageError ? 1 : 2;
	}
}
