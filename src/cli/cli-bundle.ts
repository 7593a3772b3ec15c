import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundlesDir, currentCliBundle, currentFile, hashInputs } from './current-cli-bundle.js';

/**
 * Packages bundled into the CLI instead of loaded from node_modules: Node reads drizzle-orm's large
 * package.json (its exports map) again for each of its ~400 files, which took about a second and over
 * 100 MB of heap on every command. The other packages stay outside (native and WASM modules, lazy imports).
 */
const BUNDLED_PACKAGES = /^drizzle-orm(\/|$)/;

interface TCurrent {
	hash: string;
	/** The bundle's own source files, relative to the root, as esbuild reported them. */
	inputs: string[];
}

/**
 * The URL of the CLI's entry module to import: the bundle of `src/cli/main.ts`, made when there is none
 * or its sources changed (decided by a hash of their contents, as the app's build is), or the sources
 * themselves when no bundle can be made (esbuild is a development dependency).
 */
export async function cliEntry(root: string): Promise<string> {
	const sources = pathToFileURL(path.join(root, 'src', 'cli', 'main.ts')).href;
	if (process.env.MOGNAD_CLI_SOURCES) return sources;
	try {
		return pathToFileURL(currentCliBundle(root) ?? (await bundleCli(root))).href;
	} catch {
		return sources;
	}
}

/**
 * Bundles the CLI with esbuild (code splitting keeps each command's module a chunk of its own, loaded
 * when the command runs) into a folder named by the hash of its sources, and makes it the current one.
 * Several processes may do this at once: each writes its own folder and the first one renamed wins.
 * Returns the bundle's entry file.
 */
export async function bundleCli(root: string): Promise<string> {
	const esbuild = await import('esbuild');
	const dir = bundlesDir(root);
	mkdirSync(dir, { recursive: true });
	const temporary = path.join(dir, `.tmp-${process.pid}-${Date.now()}`);
	const result = await esbuild.build({
		absWorkingDir: root,
		entryPoints: { main: 'src/cli/main.ts' },
		outdir: temporary,
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node22',
		metafile: true,
		logLevel: 'silent',
		plugins: [
			{
				name: 'external-packages',
				setup(build) {
					build.onResolve({ filter: /^[^./]/ }, (args) =>
						BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }
					);
				}
			}
		]
	});
	const inputs = Object.keys(result.metafile.inputs)
		.filter((file) => !file.split('/').includes('node_modules'))
		.sort();
	const hash = hashInputs(root, inputs);
	const target = path.join(dir, hash);
	try {
		renameSync(temporary, target);
	} catch {
		// Another process made the same bundle first.
		rmSync(temporary, { recursive: true, force: true });
	}
	const pending = `${currentFile(root)}.${process.pid}`;
	writeFileSync(pending, JSON.stringify({ hash, inputs } satisfies TCurrent));
	renameSync(pending, currentFile(root));
	removeOldBundles(dir, hash);
	return path.join(target, 'main.js');
}

/** Bundles a day old or more, other than the current one: a running process may still load their chunks. */
function removeOldBundles(dir: string, keep: string): void {
	const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (name === keep || name === 'current.json' || statSync(full).mtimeMs > dayAgo) continue;
		rmSync(full, { recursive: true, force: true });
	}
}
