import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsBuild, recordBuiltSources, sourceHash } from './build-if-needed.ts';

let root: string;
const past = new Date('2026-01-01T10:00:00Z');
const built = new Date('2026-01-01T11:00:00Z');
const later = new Date('2026-01-01T12:00:00Z');

function write(relative: string, at = past, content = relative) {
	const file = path.join(root, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, content);
	utimesSync(file, at, at);
}

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'mognad-build-'));
	write('package.json');
	write('src/lib/server/waves/create-wave.ts');
	write('src/lib/server/waves/waves.test.ts');
	write('src/lib/server/testing/test-database.ts');
	write('src/routes/+page.svelte');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build() {
	write('build/index.js', built);
	recordBuiltSources(root);
}

describe('deciding whether to build', () => {
	it('builds when there is no build', () => {
		expect(needsBuild(root)).toBe(true);
	});

	it('does not build when nothing changed since the build', () => {
		build();
		expect(needsBuild(root)).toBe(false);
	});

	it('builds when a source changed, and not when it was only touched', () => {
		build();
		write('src/routes/+page.svelte', later);
		expect(needsBuild(root)).toBe(false);
		write('src/routes/+page.svelte', later, 'changed');
		expect(needsBuild(root)).toBe(true);
	});

	it('gives the same hash for the same contents whatever the modification times, another for a renamed file', () => {
		const before = sourceHash(root);
		write('src/routes/+page.svelte', later);
		expect(sourceHash(root)).toBe(before);
		rmSync(path.join(root, 'src/routes/+page.svelte'));
		write('src/routes/+layout.svelte', past, 'src/routes/+page.svelte');
		expect(sourceHash(root)).not.toBe(before);
	});

	it('builds when a source was added, or removed, even with an old modification time', () => {
		build();
		write('src/lib/server/waves/close-wave.ts');
		expect(needsBuild(root)).toBe(true);
		build();
		rmSync(path.join(root, 'src/lib/server/waves/close-wave.ts'));
		expect(needsBuild(root)).toBe(true);
	});

	it('does not build for a test file or test helper changed, added or removed', () => {
		build();
		write('src/lib/server/waves/waves.test.ts', later);
		write('src/lib/server/waves/new.test.ts', later);
		write('src/lib/server/testing/template-database.ts', later);
		rmSync(path.join(root, 'src/lib/server/testing/test-database.ts'));
		write('src/lib/core/testing/questionnaires.ts', later);
		write('src/lib/paraglide/messages.js', later);
		expect(needsBuild(root)).toBe(false);
	});

	it('judges a build without a recorded hash by modification times once, then by the hash', () => {
		write('build/index.js', built);
		expect(needsBuild(root)).toBe(false);
		write('src/routes/+page.svelte', later);
		expect(needsBuild(root)).toBe(false);
		rmSync(path.join(root, 'build/.source-hash'));
		expect(needsBuild(root)).toBe(true);
	});
});
