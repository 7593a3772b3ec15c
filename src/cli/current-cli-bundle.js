// Plain JavaScript, not TypeScript: bin/mognad.js runs this on every command, and the first TypeScript
// module a process loads costs Node about 0.2 s (its type stripper is loaded then).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Also hashed: a changed install can change what the bundled packages contain. */
const ALWAYS_HASHED = ['package.json', 'package-lock.json'];

/** @param {string} root */
export const bundlesDir = (root) => path.join(root, 'build-cli');

/** @param {string} root */
export const currentFile = (root) => path.join(bundlesDir(root), 'current.json');

/**
 * SHA-256 of the files' names and contents (a missing file counts as empty), the package files included.
 * @param {string} root
 * @param {string[]} inputs relative to `root`
 * @returns {string}
 */
export function hashInputs(root, inputs) {
	const hash = createHash('sha256');
	for (const file of [...ALWAYS_HASHED, ...inputs]) {
		const full = path.join(root, file);
		const content = existsSync(full) ? readFileSync(full) : Buffer.alloc(0);
		hash.update(`${file}\0${content.length}\0`);
		hash.update(content);
	}
	return hash.digest('hex');
}

/**
 * The entry file of the current CLI bundle, or null when there is none or its sources changed since it
 * was made (see cli-bundle.ts).
 * @param {string} root
 * @returns {string | null}
 */
export function currentCliBundle(root) {
	/** @type {{ hash: string, inputs: string[], stamp?: string }} */
	let current;
	try {
		current = JSON.parse(readFileSync(currentFile(root), 'utf8'));
	} catch {
		return null;
	}
	const main = path.join(bundlesDir(root), current.hash, 'main.js');
	if (!existsSync(main)) return null;
	// Reading and hashing every source takes longer than the command itself needs to start: when no file's
	// size or modification time changed since the hash last matched, the hash still does.
	const stamp = stampInputs(root, current.inputs);
	if (current.stamp === stamp) return main;
	if (current.hash !== hashInputs(root, current.inputs)) return null;
	try {
		const temporary = `${currentFile(root)}.${process.pid}`;
		writeFileSync(temporary, JSON.stringify({ ...current, stamp }));
		renameSync(temporary, currentFile(root));
	} catch {
		// A read-only install checks the hash each time.
	}
	return main;
}

/**
 * The size and modification time of each file the hash covers.
 * @param {string} root
 * @param {string[]} inputs
 * @returns {string}
 */
function stampInputs(root, inputs) {
	return [...ALWAYS_HASHED, ...inputs]
		.map((file) => {
			const stat = statSync(path.join(root, file), { throwIfNoEntry: false });
			return stat ? `${stat.size}:${stat.mtimeMs}` : '-';
		})
		.join(',');
}
