// `npm run bench:mail`: invitations for BENCH_MAIL_PARTICIPANTS (10 000) participants queued and sent to a
// local SMTP peer, with one app process on PGlite and one and two app processes on PostgreSQL (when
// reachable at DATABASE_URL). Prints the time to queue, the time until the peer has accepted every message,
// and messages per second. Loopback only.

import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { buildIfNeeded } from '../src/cli/build-if-needed.ts';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { organisations, participants } from '../src/lib/server/db/schema.ts';
import { queueInvitations } from '../src/lib/server/mail/queue-invitations.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { generateToken, hashToken } from '../src/lib/server/tokens.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../src/lib/server/waves/set-wave-status.ts';
import { removeDataDir, startAppServer, tempDataDir } from '../tests/support/app-server.ts';
import { startSmtpPeer } from '../tests/support/smtp-peer.ts';
import { createTestBackend } from '../tests/support/test-backend.ts';

const PARTICIPANTS = Number(process.env.BENCH_MAIL_PARTICIPANTS ?? 10_000);
const PG_URL = process.env.DATABASE_URL ?? 'postgres://mognad:mognad@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');
const env = { MAIL_POLL_MS: '500', MAIL_BATCH_SIZE: '50', LOG_LEVEL: 'warn' };

buildIfNeeded(root);
console.log(
	`Mognad mail benchmark — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, ${PARTICIPANTS} participants`
);

await run('PGlite (embedded), one app process', undefined, 1);
if (await canReach(PG_URL)) {
	await run('PostgreSQL, one app process', PG_URL, 1);
	await run('PostgreSQL, two app processes', PG_URL, 2);
} else {
	console.log(`PostgreSQL not reachable at ${PG_URL}: skipped its figures.`);
}
process.exit(0);

async function run(label: string, adminUrl: string | undefined, processes: number) {
	const backend = adminUrl ? await createTestBackend('mailbench', adminUrl) : null;
	const dataDirs = Array.from({ length: processes }, () => tempDataDir());
	const url = backend?.url;
	await seed({ url, dataDir: dataDirs[0] });
	const peer = await startSmtpPeer();
	const servers = [];
	for (const dataDir of dataDirs) {
		servers.push(
			await startAppServer({
				dataDir,
				env: { ...env, ...(url ? { DATABASE_URL: url } : {}), SMTP_URL: peer.url },
				asUsersRunIt: true
			})
		);
	}
	try {
		const started = performance.now();
		if (url) {
			const database = await openDatabase({ url });
			await queueInvitations(database.db, {
				waveSlug: 'bench',
				origin: servers[0]?.url ?? '',
				actor: 'bench'
			});
			await database.close();
		} else {
			// The embedded database is held by the server: the command runs inside it.
			// The embedded database is held by the server: the command runs inside it. Not spawnSync: the SMTP
			// peer answers from this process.
			const child = spawn(
				process.execPath,
				[path.join(root, 'bin', 'mognad.js'), 'invitations', 'send', '--wave', 'bench'],
				{
					cwd: root,
					env: { ...process.env, DATABASE_URL: '', MOGNAD_DATA_DIR: dataDirs[0] },
					stdio: 'ignore'
				}
			);
			const code = await new Promise((resolve) => child.once('close', resolve));
			if (code !== 0) throw new Error(`mognad invitations send exited with ${code}`);
		}
		const queued = performance.now();
		while (peer.received.length < PARTICIPANTS) await new Promise((r) => setTimeout(r, 50));
		const done = performance.now();
		const seconds = (done - started) / 1000;
		const distinct = new Set(peer.received.map((m) => m.to[0])).size;
		console.log(
			`\n${label}\n  queued in ${((queued - started) / 1000).toFixed(1)} s; all ${PARTICIPANTS} accepted by the SMTP peer after ${seconds.toFixed(1)} s: ${(PARTICIPANTS / seconds).toFixed(0)} messages/s (${distinct} distinct recipients, ${peer.received.length} deliveries)`
		);
	} finally {
		for (const s of servers) await s.stop();
		await peer.stop();
		for (const d of dataDirs) removeDataDir(d);
		await backend?.cleanup();
	}
}

/** An open wave with PARTICIPANTS participants, inserted in bulk (their links are minted when queued). */
async function seed(target: { url?: string; dataDir?: string }) {
	const database = await openDatabase(target);
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const wave = await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Bench',
			slug: 'bench'
		});
		await setWaveStatus(database.db, 'bench', 'open');
		const [org] = await database.db.select().from(organisations).where(eq(organisations.code, '2580'));
		for (let i = 0; i < PARTICIPANTS; i += 1000) {
			const rows = Array.from({ length: Math.min(1000, PARTICIPANTS - i) }, (_, j) => ({
				waveId: wave.id,
				name: `Person ${i + j + 1}`,
				email: `person${i + j + 1}@example.org`,
				organisationId: org?.id,
				tokenHash: hashToken(generateToken())
			}));
			await database.db.insert(participants).values(rows);
		}
	} finally {
		await database.close();
	}
}

async function canReach(url: string) {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	client.on('error', () => {}); // a failed connect rejects connect() below
	try {
		await client.connect();
		await client.end();
		return true;
	} catch {
		return false;
	}
}
