#!/usr/bin/env node
// The `mognad` command: runs the CLI's bundle (one file per command instead of hundreds of modules, see
// src/cli/cli-bundle.ts), made anew from the TypeScript sources when they changed. Node 24 runs the sources
// directly (type stripping) when no bundle can be made.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { currentCliBundle } from '../src/cli/current-cli-bundle.js';

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
