import path from 'node:path';
import { type BrowserServer, chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { buildIfNeeded } from '../../src/cli/build-if-needed.ts';
import { pgliteTemplateFile } from '../../src/lib/server/testing/template-database.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { chromiumLaunchOptions } from './browser.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The shared built server's address. */
		e2eUrl: string;
		/** Its data folder, whose control socket runs CLI commands in it (the files' seeding). */
		e2eDataDir: string;
		/** The shared Chromium, for `chromium.connect`. */
		chromiumWsEndpoint: string;
	}
}

/**
 * The e2e project's one built server (on its own data folder) and one Chromium, shared by the test files.
 * Each file connects to the browser with contexts of its own and seeds its own waves and users, under
 * slugs and addresses no other file uses (see app.ts).
 */
export default async function setup(project: TestProject) {
	buildIfNeeded(path.resolve(import.meta.dirname, '../..'));
	await pgliteTemplateFile();
	const dataDir = seededDataDir();
	let server: AppServer | undefined;
	let browser: BrowserServer | undefined;
	try {
		// All files wait for it, so it may take its time on a busy machine.
		server = await startAppServer({ dataDir, startupMs: 240_000 });
		browser = await chromium.launchServer(chromiumLaunchOptions());
	} catch (error) {
		await server?.stop();
		removeDataDir(dataDir);
		throw error;
	}
	project.provide('e2eUrl', server.url);
	project.provide('e2eDataDir', dataDir);
	project.provide('chromiumWsEndpoint', browser.wsEndpoint());
	const running = { server, browser };
	return async () => {
		await running.browser.close();
		await running.server.stop();
		removeDataDir(dataDir);
	};
}
