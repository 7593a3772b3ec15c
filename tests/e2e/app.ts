import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { controlSocketPath, forwardCommand } from '../../src/cli/control-socket.ts';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import type { SeededUser } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { withSeedDatabase } from '../support/seed-database.ts';
import { municipalityCodes, type SeedWaveOptions, seedWave } from '../support/seed-wave.ts';
import { connectBrowser } from './browser.ts';

export interface E2eApp {
	url: string;
	browser: Browser;
	/** The personal link token of an invited participant of a seeded wave. */
	token: (slug: string, index?: number) => string;
	/** Ends this file's use of the browser (and stops its own server, if it has one). */
	close: () => Promise<void>;
}

export interface OwnE2eApp extends E2eApp {
	dataDir: string;
	server: AppServer;
}

type TWave = Omit<SeedWaveOptions, 'dataDir' | 'url' | 'database'>;

/** Runs `mognad <argv>` inside the shared server, through its control socket; throws unless it succeeds. */
export async function mognadInSharedServer(argv: string[], input?: string): Promise<string> {
	let out = '';
	let err = '';
	const code = await forwardCommand(
		controlSocketPath(inject('e2eDataDir')),
		argv,
		{ out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), cwd: process.cwd() },
		input
	);
	if (code !== 0) throw new Error(`mognad ${argv.join(' ')} failed (${code}): ${err}${out}`);
	return out;
}

/**
 * Seeds a wave in the shared server as seedWave does in a stopped one: a wave of the built-in
 * questionnaire, invited participants (spread over the municipalities) and then its status.
 */
async function seedSharedWave(wave: TWave): Promise<string[]> {
	await mognadInSharedServer([
		'wave',
		'create',
		'--questionnaire',
		'digital-mognad-i-kommuner',
		'--name',
		`Test ${wave.slug}`,
		'--slug',
		wave.slug,
		...(wave.mode === 'open' ? ['--open'] : [])
	]);
	const tokens: string[] = [];
	for (let i = 0; i < (wave.participants ?? 0); i++) {
		const out = await mognadInSharedServer([
			'participant',
			'add',
			'--wave',
			wave.slug,
			'--organisation',
			municipalityCodes[i % municipalityCodes.length] ?? '2580',
			'--name',
			`Person ${i + 1}`,
			'--email',
			`person${i + 1}@example.org`,
			'--title',
			'IT-chef'
		]);
		const token = /\/s\/([A-Za-z0-9_-]+)/.exec(out)?.[1];
		if (!token) throw new Error(`no link in: ${out}`);
		tokens.push(token);
	}
	// Participants are added before the status is set: a closed wave takes no new participants.
	const status = wave.status ?? 'open';
	if (status !== 'draft') await mognadInSharedServer(['wave', 'open', wave.slug]);
	if (status === 'closed') await mognadInSharedServer(['wave', 'close', wave.slug]);
	return tokens;
}

/**
 * Staff accounts in the shared server, one per role, through `mognad user create` in it; `prefix` keeps
 * the file's addresses its own.
 */
export async function seedSharedUsers<TRoles extends TRole>(
	prefix: string,
	roles: readonly TRoles[]
): Promise<Record<TRoles, SeededUser>> {
	const seeded = {} as Record<TRoles, SeededUser>;
	for (const role of roles) {
		const user = {
			email: `${prefix}-${role}@example.org`,
			password: `${role}-lösenord-som-är-långt`,
			name: `Test ${role}`,
			role
		};
		await mognadInSharedServer(
			[
				'user',
				'create',
				'--email',
				user.email,
				'--name',
				user.name,
				'--role',
				role,
				...(role === 'contact' ? ['--organisation', '2580'] : []),
				'--password-stdin'
			],
			user.password
		);
		seeded[role] = user;
	}
	return seeded;
}

function tokenOf(tokens: Map<string, string[]>) {
	return (slug: string, index = 0) => {
		const token = tokens.get(slug)?.[index];
		if (!token) throw new Error(`no participant ${index} in the wave "${slug}"`);
		return token;
	};
}

/**
 * One test file's app on the e2e project's shared server and Chromium (shared-app-setup.ts): seeds the
 * file's waves in the running server and connects to the browser. Other files use the same server, so a
 * file's slugs (and any users it creates) must be its own.
 */
export async function startE2eApp(waves: TWave[]): Promise<E2eApp> {
	const tokens = new Map<string, string[]>();
	for (const wave of waves) tokens.set(wave.slug, await seedSharedWave(wave));
	const browser = await connectBrowser();
	return { url: inject('e2eUrl'), browser, token: tokenOf(tokens), close: () => browser.close() };
}

/**
 * A test file's own app, for a file that needs what the shared server cannot give: an empty
 * installation, or a server it stops. Seeds the waves first (the embedded database allows one process at
 * a time), then starts the built server on them in a fresh data folder, and connects to the shared
 * Chromium.
 */
export async function startOwnE2eApp(waves: TWave[]): Promise<OwnE2eApp> {
	const dataDir = seededDataDir();
	const tokens = new Map<string, string[]>();
	let server: AppServer | undefined;
	try {
		await withSeedDatabase({ dataDir }, async (database) => {
			for (const wave of waves) tokens.set(wave.slug, (await seedWave({ ...wave, database })).tokens);
		});
		server = await startAppServer({ dataDir });
		const browser = await connectBrowser();
		const running = server;
		return {
			url: server.url,
			dataDir,
			server,
			browser,
			token: tokenOf(tokens),
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
