import { defineConfig } from 'vitest/config';

// Tests import src/lib directly (no SvelteKit plugin): the same code the CLI runs. Four projects: unit
// (pure domain code), db (services against a real database: PGlite, or PostgreSQL with DATABASE_URL),
// integration (whole processes: the built server and the CLI, on either database) and e2e (the built app
// in Chromium). `npm test` runs all four; `npm run test:db` the two on a database.
export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 300_000,
		// One worker per core (Vitest's default leaves one free), and every file of every project in one
		// pool, longest first: the files are independent (each db file on its own copy of the template
		// database, each integration file with its own servers, each e2e file with its own waves and users
		// on the shared server), and a browser-bound e2e file beside a process-bound one keeps both cores
		// busy where one file at a time left one idle.
		maxWorkers: '100%',
		// The test processes (not the servers they start) open the embedded database for a moment each;
		// compiling its WebAssembly with the optimising compiler too cost more than it saved (see
		// bin/mognad.js): a third less CPU for the database tests.
		projects: [
			{ test: { name: 'unit', include: ['src/lib/core/**/*.test.ts', 'src/cli/*.test.ts'] } },
			{
				test: {
					name: 'db',
					// The services' tests and the CLI commands' tests (run in-process) copy a template database
					// made once.
					include: ['src/lib/server/**/*.test.ts', 'src/cli/commands/**/*.test.ts'],
					globalSetup: ['src/lib/server/testing/make-test-template.ts'],
					execArgv: ['--liftoff-only'],
					// One process runs file after file: each file has its own database and no module keeps state
					// between files, and importing the services afresh for each file took a third of the time.
					isolate: false,
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			},
			{
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// The whole-process tests start the built server.
					globalSetup: ['tests/e2e/global-setup.ts'],
					execArgv: ['--liftoff-only'],
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// One built server and one Chromium for the files (each with its own data); see app.ts.
					globalSetup: ['tests/e2e/shared-app-setup.ts'],
					setupFiles: ['tests/e2e/close-contexts.ts'],
					execArgv: ['--liftoff-only'],
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			}
		]
	}
});
