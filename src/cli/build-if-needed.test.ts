import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceHash } from './build-if-needed.ts';

const roots: string[] = [];
afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'mognad-source-hash-'));
	roots.push(root);
	for (const [name, content] of Object.entries(files)) write(root, name, content);
	return root;
}

function write(root: string, name: string, content: string): void {
	mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
	writeFileSync(path.join(root, name), content);
}

const sources = {
	'package.json': '{}',
	'src/app.ts': 'export const a = 1;',
	'src/lib/core/x.ts': 'export const x = 2;',
	'messages/sv.json': '{"hej":"Hej"}'
};

describe('the hash that decides whether the app is rebuilt', () => {
	it('is the same for the same contents whatever the modification times', () => {
		const root = project(sources);
		const before = sourceHash(root);
		const future = new Date(Date.now() + 3_600_000);
		utimesSync(path.join(root, 'src/app.ts'), future, future);
		expect(sourceHash(root)).toBe(before);
		expect(sourceHash(project(sources))).toBe(before);
	});

	it('changes when a source, a message or a file name changes', () => {
		const root = project(sources);
		const before = sourceHash(root);
		write(root, 'src/app.ts', 'export const a = 3;');
		const edited = sourceHash(root);
		expect(edited).not.toBe(before);
		write(root, 'messages/en.json', '{"hej":"Hi"}');
		expect(sourceHash(root)).not.toBe(edited);
		const { 'src/lib/core/x.ts': moved, ...others } = sources;
		expect(sourceHash(project({ ...others, 'src/lib/core/y.ts': moved }))).not.toBe(before);
	});

	it('ignores tests, test helpers and the generated messages', () => {
		const root = project(sources);
		const before = sourceHash(root);
		write(root, 'src/lib/core/x.test.ts', 'test');
		write(root, 'src/lib/server/testing/test-database.ts', 'helper');
		write(root, 'src/lib/paraglide/messages.js', 'generated');
		expect(sourceHash(root)).toBe(before);
	});
});
