import { closeDatabase } from '../lib/server/db/instance.ts';
import { consoleIo, readStandardInput } from './command.ts';
import { asksForHelp, findCommand, runCommand } from './run-command.ts';

/**
 * Runs the CLI; returns the exit code. With the embedded database in use by a running server, commands
 * other than `serve` run inside that server (see control-socket.ts).
 */
export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	// The overview, a command's help and an unknown command are answered without configuration or database.
	if (!findCommand(name) || asksForHelp(rest)) return runCommand(argv, consoleIo);
	const { readConfig } = await import('../lib/server/config.ts');
	const config = readConfig();
	if (name !== 'serve' && !config.DATABASE_URL) {
		const { controlSocketPath, forwardCommand } = await import('./control-socket.ts');
		// Standard input is read here and sent along: the server has none of the caller's.
		const input = argv.includes('--password-stdin') ? await readStandardInput() : undefined;
		const forwarded = await forwardCommand(controlSocketPath(config.MOGNAD_DATA_DIR), argv, consoleIo, input);
		if (forwarded !== null) return forwarded;
	}
	// Commands print their results; the log is for the server, and for problems.
	if (name !== 'serve' && !process.env.LOG_LEVEL)
		(await import('../lib/server/logger.ts')).logger.level = 'warn';
	try {
		return await runCommand(argv, consoleIo);
	} finally {
		await closeDatabase();
	}
}
