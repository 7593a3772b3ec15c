import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.ts';

/** A CLI command: takes its arguments, returns an exit code. */
export type TCommand = (argv: string[]) => Promise<number>;

/** Parses options strictly; an unknown option or a missing value is a usage error naming the command's help. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
	argv: string[],
	options: T,
	help: string
) {
	try {
		const parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
		return { ...parsed, help: parsed.values.help === true ? help : null };
	} catch (error) {
		throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${help}`);
	}
}

/** Where the app is reached, for printed links. */
export function publicOrigin(): string {
	return process.env.ORIGIN?.replace(/\/$/, '') || `http://localhost:${process.env.PORT || 3000}`;
}
