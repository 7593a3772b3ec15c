import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli } from './cli-bundle.ts';
import { currentCliBundle } from './current-cli-bundle.js';

let root: string;

function write(relative: string, content: string) {
	const file = path.join(root, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, content);
}

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'mognad-cli-bundle-'));
	write('package.json', '{"type":"module"}');
	write(
		'src/cli/main.ts',
		"import { answer } from './answer.ts';\nexport const main = async (): Promise<string> => answer;\n"
	);
	write('src/cli/answer.ts', "export const answer: string = 'first';\n");
	write('src/routes/+page.svelte', '<p>page</p>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function run(entry: string): Promise<string> {
	const { main } = (await import(`${pathToFileURL(entry).href}?${Date.now()}`)) as {
		main: () => Promise<string>;
	};
	return main();
}

describe('the bundle of the CLI', () => {
	it('is made from the sources and then used as it is', async () => {
		expect(currentCliBundle(root)).toBeNull();
		const entry = await bundleCli(root);
		expect(currentCliBundle(root)).toBe(entry);
		expect(await run(entry)).toBe('first');
	});

	it('is made anew when a source it contains changed, not when another file did', async () => {
		const first = await bundleCli(root);
		write('src/routes/+page.svelte', '<p>changed</p>');
		expect(currentCliBundle(root)).toBe(first);
		write('src/cli/answer.ts', "export const answer: string = 'second';\n");
		expect(currentCliBundle(root)).toBeNull();
		const second = await bundleCli(root);
		expect(second).not.toBe(first);
		expect(await run(second)).toBe('second');
	});

	it('notices a source changed to the same size, once its stamp was recorded, and one only touched', async () => {
		const entry = await bundleCli(root);
		// The first check hashes and records the files' sizes and times; the next trusts them.
		expect(currentCliBundle(root)).toBe(entry);
		expect(currentCliBundle(root)).toBe(entry);
		const file = path.join(root, 'src/cli/answer.ts');
		const stamp = statSync(file).mtime;
		write('src/cli/answer.ts', "export const answer: string = 'fifth';\n");
		utimesSync(file, stamp, new Date(stamp.getTime() + 1000));
		expect(currentCliBundle(root)).toBeNull();
		// Touched but the same content: still current.
		write('src/cli/answer.ts', "export const answer: string = 'first';\n");
		expect(currentCliBundle(root)).toBe(entry);
	});
});
