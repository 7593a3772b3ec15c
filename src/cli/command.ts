import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** A CLI command: takes its arguments, returns an exit code. */
export type TCommand = (argv: string[]) => Promise<number>;

/**
 * Parses options strictly; an unknown option or a missing value is a usage error naming the command's help.
 * Returns null when help was asked for (and prints it).
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(
	argv: string[],
	options: T,
	help: string
) {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(help);
		return null;
	}
	try {
		return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${help}`);
	}
}

/** Where the app is reached, for printed links. */
export function publicOrigin(): string {
	return process.env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`;
}
