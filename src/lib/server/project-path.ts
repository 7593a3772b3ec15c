import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a folder that ships with the project (migrations, built-in questionnaires) by walking up from
 * this module, so the same code works from the sources, from the built server and from any working directory.
 */
export function projectPath(name: string, marker = ''): string {
	for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, name);
		if (existsSync(path.join(candidate, marker))) return candidate;
		if (path.dirname(dir) === dir) return path.resolve(name);
	}
}
