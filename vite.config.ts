import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * The CSP source that lets SvelteKit's route announcer keep its one `style` attribute (it is added on every
 * page that ships JavaScript) without allowing any other inline style: `'unsafe-hashes'` with the hash of
 * exactly that attribute, read from the installed SvelteKit so an upgrade cannot leave it stale.
 */
function announcerStyleHash(): `sha256-${string}` {
	const kit = path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
	const root = readFileSync(path.join(kit, 'src/runtime/components/root.svelte'), 'utf8');
	const style = /id="svelte-announcer"[^>]*?\sstyle="([^"]*)"/.exec(root)?.[1];
	if (!style)
		throw new Error("SvelteKit's route announcer has no style attribute to allow: update vite.config.ts");
	return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

export default defineConfig({
	ssr: {
		// Bundled into the server: loaded from node_modules, Node reads drizzle-orm's large package.json
		// (its exports map) again for each of its ~400 files, which costs seconds and over 100 MB of heap.
		noExternal: ['drizzle-orm']
	},
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// `?lang=` first (handled in hooks.server.ts), then the saved choice, then the browser's language.
			strategy: ['custom-query', 'cookie', 'preferredLanguage', 'baseLocale'],
			cookieName: 'lang'
		}),
		sveltekit({
			compilerOptions: {
				// Runes everywhere in our own code.
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			adapter: adapter({ out: 'build', precompress: true }),
			csp: {
				mode: 'auto',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-hashes', announcerStyleHash()],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			}
		})
	]
});
