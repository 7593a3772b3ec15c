import path from 'node:path';
import { buildIfNeeded } from '../../src/cli/build-if-needed.ts';
import { pgliteTemplateFile } from '../../src/lib/server/testing/template-database.ts';

// Build once before the tests that start the built server, and make the database template their data
// folders are unpacked from (seededDataDir).
export default async function setup() {
	buildIfNeeded(path.resolve(import.meta.dirname, '../..'));
	await pgliteTemplateFile();
}
