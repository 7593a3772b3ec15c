#!/usr/bin/env node
// The `mognad` command: runs the CLI's bundle (one file per command instead of hundreds of modules, see
// src/cli/cli-bundle.ts), made anew from the TypeScript sources when they changed. Node 24 runs the sources
// directly (type stripping) when no bundle can be made.
import { spawn } from 'node:child_process';
import module from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentCliBundle } from '../src/cli/current-cli-bundle.js';

// A command other than the server runs for a moment, and most of that moment was V8 compiling the embedded
// database's WebAssembly with its optimising compiler as well. Such a command runs again in a Node that
// uses only the baseline compiler (Liftoff): a third of the CPU for `wave list`. V8's flags are fixed once
// it runs, hence the second process; the server and --help are not worth one.
const args = process.argv.slice(2);
const brief = args.length === 0 || args[0] === 'serve' || args.includes('--help') || args.includes('-h');
if (!brief && !process.execArgv.includes('--liftoff-only')) {
	const child = spawn(
		process.execPath,
		['--liftoff-only', ...process.execArgv, process.argv[1] ?? '', ...args],
		{
			stdio: 'inherit'
		}
	);
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
		process.on(signal, () => child.kill(signal));
	const [code, signal] = await new Promise((resolve) => child.once('exit', (...exit) => resolve(exit)));
	process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
}

// Node keeps the compiled code of the modules a command loads (in the system's temporary folder), so
// that the next command starts from it instead of compiling them again.
module.enableCompileCache?.();
const root = path.resolve(import.meta.dirname, '..');
const current = process.env.MOGNAD_CLI_SOURCES ? null : currentCliBundle(root);
const entry = current
	? pathToFileURL(current).href
	: await (await import('../src/cli/cli-bundle.ts')).cliEntry(root);
const { main } = await import(entry);
main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error) => {
		console.error(`mognad: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	}
);
