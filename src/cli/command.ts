import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.ts';

/** Where a command writes, and the folder its relative file names are relative to. */
export interface TCommandIo {
	out: (text: string) => void;
	err: (text: string) => void;
	cwd: string;
	/** What was piped to the command's standard input (e.g. `--password-stdin`); empty when nothing was. */
	input?: () => Promise<string>;
}

/** A CLI command: takes its arguments, writes to `io`, returns an exit code. */
export type TCommand = (argv: string[], io: TCommandIo) => Promise<number>;

/** The terminal's io. */
export const consoleIo: TCommandIo = {
	out: (text) => console.log(text),
	err: (text) => console.error(text),
	cwd: process.cwd(),
	input: () => readStandardInput()
};

let stdin: Promise<string> | undefined;
/** All of standard input, read once; empty when it is a terminal (nothing piped). */
export function readStandardInput(): Promise<string> {
	stdin ??= (async () => {
		if (process.stdin.isTTY) return '';
		const chunks: Buffer[] = [];
		for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	})();
	return stdin;
}

/**
 * Parses options strictly; an unknown option or a missing value is a usage error naming the command's help.
 * Returns null when help was asked for (and prints it).
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(
	argv: string[],
	options: T,
	help: string,
	io: TCommandIo
) {
	if (argv.includes('--help') || argv.includes('-h')) {
		io.out(help);
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
