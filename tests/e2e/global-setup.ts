import path from 'node:path';
import { buildIfNeeded } from '../../src/cli/build-if-needed.ts';

// Build once before the browser tests, which start the built server.
export default function setup() {
	buildIfNeeded(path.resolve(import.meta.dirname, '../..'));
}
