#!/usr/bin/env node
// The `mognad` command. Runs the CLI's bundle (see src/cli/cli-bundle.ts), made from the TypeScript
// sources when they changed; Node 24 runs the sources directly (type stripping) when no bundle can be made.
import path from 'node:path';
import { cliEntry } from '../src/cli/cli-bundle.ts';

const { main } = await import(await cliEntry(path.resolve(import.meta.dirname, '..')));
main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error) => {
		console.error(`mognad: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	}
);
