import type { Browser } from 'playwright-core';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { type SeedWaveOptions, seedWave } from '../support/seed-wave.ts';
import { launchBrowser } from './browser.ts';

export interface E2eApp {
	url: string;
	dataDir: string;
	server: AppServer;
	browser: Browser;
	/** The personal link token of an invited participant of a seeded wave. */
	token: (slug: string, index?: number) => string;
	/** Stops the browser and the server and removes the data folder. */
	close: () => Promise<void>;
}

/**
 * One test file's app: seeds the waves first (the embedded database allows one process at a time), then
 * starts the built server on them in a fresh data folder, and launches Chromium.
 */
export async function startE2eApp(waves: Array<Omit<SeedWaveOptions, 'dataDir' | 'url'>>): Promise<E2eApp> {
	const dataDir = tempDataDir();
	const tokens = new Map<string, string[]>();
	let server: AppServer | undefined;
	try {
		for (const wave of waves) tokens.set(wave.slug, (await seedWave({ ...wave, dataDir })).tokens);
		server = await startAppServer({ dataDir });
		const browser = await launchBrowser();
		const running = server;
		return {
			url: server.url,
			dataDir,
			server,
			browser,
			token: (slug, index = 0) => {
				const token = tokens.get(slug)?.[index];
				if (!token) throw new Error(`no participant ${index} in the wave "${slug}"`);
				return token;
			},
			close: async () => {
				await browser.close();
				await running.stop();
				removeDataDir(dataDir);
			}
		};
	} catch (error) {
		await server?.stop();
		removeDataDir(dataDir);
		throw error;
	}
}
