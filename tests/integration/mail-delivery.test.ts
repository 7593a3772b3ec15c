import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TDatabase } from '../../src/lib/server/db/client.ts';
import { messages, waves } from '../../src/lib/server/db/schema.ts';
import { queueInvitations } from '../../src/lib/server/mail/queue-invitations.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { postForm } from '../support/respondent-client.ts';
import { seedWave } from '../support/seed-wave.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { createTestBackend, type TestBackend } from '../support/test-backend.ts';

// E-mail as a user sends it: the CLI, a server's worker, a real SMTP peer; and, on PostgreSQL, two app
// processes sending from one queue.
const root = path.resolve(import.meta.dirname, '../..');
const onPostgres = Boolean(process.env.DATABASE_URL);
const mailEnv = { MAIL_POLL_MS: '100', MAIL_RETRY_BASE_MS: '50', MAIL_FROM: 'Region <enkat@example.org>' };
const tokenIn = (text: string) => /\/s\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? '';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 120_000) {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

describe('the mail commands with a real SMTP server', () => {
	let backend: TestBackend;
	let peer: SmtpPeer;
	let server: AppServer | undefined;
	beforeAll(async () => {
		backend = await createTestBackend('mailcli');
		peer = await startSmtpPeer();
		await seedWave({
			dataDir: backend.dataDir,
			url: backend.url,
			slug: 'utskick',
			mode: 'invite',
			participants: 5
		});
	});
	afterAll(async () => {
		await server?.stop();
		await peer?.stop();
		await backend?.cleanup();
	});

	// Run without blocking: the SMTP peer answers from this process.
	function mognad(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
		const child = spawn(process.execPath, [path.join(root, 'bin', 'mognad.js'), ...args], {
			cwd: root,
			env: {
				...process.env,
				DATABASE_URL: '',
				MOGNAD_DATA_DIR: backend.dataDir,
				ORIGIN: server?.url ?? 'http://mognad.test',
				SMTP_URL: peer.url,
				LOG_LEVEL: '',
				...mailEnv,
				...backend.env
			}
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
	}

	it('send the invitations once, and the link in each leads to the first page', async () => {
		const first = await mognad('invitations', 'send', '--wave', 'utskick');
		expect(first.err).toBe('');
		expect(first.out).toBe(
			'5 invitations queued, 0 participants skipped\n5 sent, 0 failed, 0 to the outbox\n'
		);
		expect((await mognad('invitations', 'send', '--wave', 'utskick')).out).toBe(
			'0 invitations queued, 5 participants skipped\n0 sent, 0 failed, 0 to the outbox\n'
		);
		expect(peer.received.map((m) => m.to[0]).sort()).toEqual(
			[1, 2, 3, 4, 5].map((i) => `person${i}@example.org`)
		);
		expect(peer.received[0]?.subject).toBe('Inbjudan: Test utskick');

		server = await startAppServer({
			dataDir: backend.dataDir,
			env: { ...backend.env, ...mailEnv, SMTP_URL: peer.url }
		});
		const token = tokenIn(peer.received[0]?.text ?? '');
		const welcome = await fetch(`${server.url}/s/${token}`);
		expect(welcome.status).toBe(200);
		const html = await welcome.text();
		expect(html).toContain('<h1>Digital mognad i kommuner</h1>');
		expect(html).toContain('Börja svara');
	});

	it('send reminders to all but the one who opted out, through the running server', async () => {
		const mail = peer.received.find((m) => m.to[0] === 'person2@example.org');
		const token = tokenIn(mail?.text ?? '');
		const optOut = await postForm(server?.url ?? '', `/s/${token}/avregistrera`, []);
		expect(optOut.status).toBe(200);
		expect(optOut.body).toContain('Du är avregistrerad');
		peer.received.length = 0;

		const result = await mognad('reminders', 'send', '--wave', 'utskick');
		expect(result.err).toBe('');
		expect(result.out.split('\n')[0]).toBe('4 reminders queued, 1 participants skipped');
		await until(() => peer.received.length >= 4, 'four reminders');
		expect(peer.received.map((m) => m.to[0]).sort()).toEqual(
			[1, 3, 4, 5].map((i) => `person${i}@example.org`)
		);
		expect(peer.received.every((m) => m.subject === 'Påminnelse: Test utskick')).toBe(true);
	});
});

describe.skipIf(!onPostgres)('two app processes sending from one PostgreSQL queue', () => {
	const COUNT = 520;
	let backend: TestBackend;
	let peer: SmtpPeer;
	let servers: AppServer[] = [];
	let database: TDatabase;
	const dataDirs = [tempDataDir(), tempDataDir()];
	beforeAll(async () => {
		backend = await createTestBackend('mailscale');
		peer = await startSmtpPeer();
		await seedWave({ url: backend.url, slug: 'massutskick', mode: 'invite', participants: COUNT });
		const env = { ...backend.env, ...mailEnv, MAIL_BATCH_SIZE: '10', SMTP_URL: peer.url, LOG_LEVEL: 'info' };
		servers = await Promise.all(dataDirs.map((dataDir) => startAppServer({ dataDir, env })));
		database = await openDatabase({ url: backend.url });
	});
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await database?.close();
		await peer?.stop();
		await backend?.cleanup();
		for (const dir of dataDirs) removeDataDir(dir);
	});

	it(`deliver each of ${COUNT} invitations exactly once, sent by both processes`, async () => {
		const { db } = database;
		const result = await queueInvitations(db, {
			waveSlug: 'massutskick',
			origin: servers[0]?.url ?? '',
			actor: 'test'
		});
		expect(result).toEqual({ queued: COUNT, skipped: 0 });
		const [wave] = await db.select().from(waves).where(eq(waves.slug, 'massutskick'));
		await until(async () => {
			const rows = await db
				.select({ status: messages.status })
				.from(messages)
				.where(eq(messages.waveId, wave?.id ?? ''));
			return rows.every((r) => r.status === 'sent');
		}, 'every message sent');

		const perRecipient = new Map<string, Set<string>>();
		for (const m of peer.received) {
			for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? new Set()).add(m.messageId));
		}
		expect(peer.received).toHaveLength(COUNT);
		expect(perRecipient.size).toBe(COUNT);
		expect([...perRecipient.values()].every((ids) => ids.size === 1)).toBe(true);

		// Each process logs the batches it sent: both took part, and together they sent each message once.
		const sentBy = servers.map((s) =>
			s
				.output()
				.split('\n')
				.filter((line) => line.includes('"mail batch"'))
				.reduce((sum, line) => sum + (JSON.parse(line) as { sent: number }).sent, 0)
		);
		expect(sentBy.every((n) => n > 0)).toBe(true);
		expect(sentBy.reduce((a, b) => a + b, 0)).toBe(COUNT);
	});
});
