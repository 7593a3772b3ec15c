import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { controlSocketPath, forwardCommand } from '../../src/cli/control-socket.ts';
import type { TRole } from '../../src/lib/server/auth/roles.ts';
import type { SeededUser } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, seededDataDir, startAppServer } from '../support/app-server.ts';
import { withSeedDatabase } from '../support/seed-database.ts';
import { municipalityCodes, type SeedWaveOptions, seedWave } from '../support/seed-wave.ts';
import { type StaffApp, staffAppOn } from '../support/staff-app.ts';
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

/** A wave a file seeds in the shared server; its slug (and so its participants' addresses) is the file's own. */
export interface SharedWave extends TWave {
	/** The wave's name; "Test <slug>" unless given. */
	name?: string;
	period?: string;
	anonymous?: boolean;
	/** Every participant in this organisation (by default they are spread over the municipalities). */
	organisation?: string;
}

/**
 * Seeds a wave in the shared server as seedWave does in a stopped one: a wave of the built-in
 * questionnaire, invited participants (spread over the municipalities, imported as a list) and then its
 * status. Returns the participants' tokens in list order.
 */
async function seedSharedWave(wave: SharedWave): Promise<string[]> {
	await mognadInSharedServer([
		'wave',
		'create',
		'--questionnaire',
		'digital-mognad-i-kommuner',
		'--name',
		wave.name ?? `Test ${wave.slug}`,
		'--slug',
		wave.slug,
		...(wave.period ? ['--period', wave.period] : []),
		...(wave.mode === 'open' ? ['--open'] : []),
		...(wave.anonymous ? ['--anonymous'] : [])
	]);
	const tokens = await inviteShared(wave, wave.participants ?? 0);
	// Participants are added before the status is set: a closed wave takes no new participants.
	const status = wave.status ?? 'open';
	if (status !== 'draft') await mognadInSharedServer(['wave', 'open', wave.slug]);
	if (status === 'closed') await mognadInSharedServer(['wave', 'close', wave.slug]);
	return tokens;
}

/**
 * Invites `count` people to a wave of the shared server with one `mognad participants import`, addressed
 * `<slug>-person<n>@example.org` (their own across files); returns their tokens in order.
 */
async function inviteShared(wave: SharedWave, count: number): Promise<string[]> {
	if (count === 0) return [];
	const people = Array.from({ length: count }, (_, i) => ({
		name: `Person ${i + 1}`,
		email: `${wave.slug}-person${i + 1}@example.org`,
		organisation: wave.organisation ?? municipalityCodes[i % municipalityCodes.length] ?? '2580'
	}));
	const dir = mkdtempSync(path.join(tmpdir(), 'mognad-invite-'));
	try {
		const file = path.join(dir, 'deltagare.csv');
		writeFileSync(
			file,
			[
				'name;email;title;organisation',
				...people.map((p) => `${p.name};${p.email};IT-chef;${p.organisation}`)
			].join('\n')
		);
		const out = await mognadInSharedServer([
			'participants',
			'import',
			'--wave',
			wave.slug,
			file,
			'--print-links'
		]);
		const links = new Map(
			[...out.matchAll(/<([^>]+)>: \S*\/s\/([A-Za-z0-9_-]+)/g)].map(([, email, token]) => [email, token])
		);
		return people.map((p) => {
			const token = links.get(p.email);
			if (!token) throw new Error(`no link for ${p.email} in: ${out}`);
			return token;
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
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
export async function startE2eApp(waves: SharedWave[]): Promise<E2eApp> {
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

/**
 * The staff pages on the shared server: the file's waves (startE2eApp) and one user per role, addressed
 * `<prefix>-<role>@example.org`; `javaScriptEnabled` is the default for `open`.
 */
export async function startSharedStaffApp(
	prefix: string,
	waves: SharedWave[],
	options: { javaScriptEnabled: boolean }
): Promise<StaffApp & Pick<E2eApp, 'token'>> {
	const tokens = new Map<string, string[]>();
	for (const wave of waves) tokens.set(wave.slug, await seedSharedWave(wave));
	const users = await seedSharedUsers(prefix, ['admin', 'analyst', 'contact', 'viewer'] as const);
	const app = staffAppOn(inject('e2eUrl'), await connectBrowser(), users, options);
	return { ...app, token: tokenOf(tokens) };
}
