import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path inside the project (migrations, built-in questionnaires): found from the nearest folder above this
 * module that has a package.json, so the same code works from the sources, from the build and from any
 * working directory.
 */
export function projectPath(...parts: string[]): string {
	for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, ...parts);
		if (path.dirname(dir) === dir) return path.resolve(...parts);
	}
}
