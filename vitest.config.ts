import { defineConfig } from 'vitest/config';

// Tests import src/lib directly (no SvelteKit plugin): the same code the CLI runs. Three projects:
// unit (pure domain code), db (services against a real database: PGlite, or PostgreSQL with
// DATABASE_URL) and e2e (the built app in Chromium). `npm test` runs all three.
export default defineConfig({
	test: {
		testTimeout: 60_000,
		hookTimeout: 300_000,
		projects: [
			{ test: { name: 'unit', include: ['src/lib/core/**/*.test.ts', 'src/cli/**/*.test.ts'] } },
			{
				test: {
					name: 'db',
					include: ['src/lib/server/**/*.test.ts', 'tests/integration/**/*.test.ts'],
					// The whole-process tests start the built server; the services' tests copy a template database.
					globalSetup: ['tests/e2e/global-setup.ts', 'src/lib/server/testing/make-test-template.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000
				}
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// One browser and one server per file; files run one after the other on two cores.
					fileParallelism: false
				}
			}
		]
	}
});
