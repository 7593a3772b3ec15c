import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

function walk(entry: string, visit: (entry: string, isDirectory: boolean, mode: number) => void): void {
	const stat = lstatSync(entry);
	if (stat.isSymbolicLink()) return;
	visit(entry, stat.isDirectory(), stat.mode & 0o777);
	if (stat.isDirectory()) for (const name of readdirSync(entry)) walk(path.join(entry, name), visit);
}

/** Every entry under `dir` (itself included) that is not private: folders 0700, everything else 0600. */
export function looseEntries(dir: string): string[] {
	const loose: string[] = [];
	walk(dir, (entry, isDirectory, mode) => {
		if (mode !== (isDirectory ? 0o700 : 0o600)) loose.push(`${entry} ${mode.toString(8)}`);
	});
	return loose;
}

/** Gives `dir` the modes a default umask leaves: folders 0755, files 0666. */
export function loosen(dir: string): void {
	walk(dir, (entry, isDirectory) => chmodSync(entry, isDirectory ? 0o755 : 0o666));
}

/** How many entries `dir` holds, at any depth. */
export const countEntries = (dir: string): number => readdirSync(dir, { recursive: true }).length;
