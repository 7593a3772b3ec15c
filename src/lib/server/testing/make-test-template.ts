import { pgliteTemplate } from './template-database.ts';

// Vitest global setup of the db project: the PGlite template is made once, before the workers start, so
// that workers running in parallel do not each make it on the first run after a migration.
export default async function setup() {
	if (!process.env.DATABASE_URL) await pgliteTemplate();
}
