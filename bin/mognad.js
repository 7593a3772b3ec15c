#!/usr/bin/env node
// The `mognad` command. Node 24 runs the TypeScript sources directly (type stripping).
import { main } from '../src/cli/main.ts';

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error) => {
		console.error(`mognad: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(2);
	}
);
