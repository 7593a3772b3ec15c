import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/lib/server/auth/create-api-token.ts';
import { openDatabase, type TDatabase } from '../../src/lib/server/db/client.ts';
import { messages, users, waves } from '../../src/lib/server/db/schema.ts';
import { queueInvitations } from '../../src/lib/server/mail/queue-invitations.ts';
import { resolveRespondent } from '../../src/lib/server/responses/resolve-respondent.ts';
import { adminQuery } from '../../src/lib/server/testing/scratch-database.ts';
import { type AdminClient, seedUser, signInOverHttp } from '../support/admin-client.ts';
import { type AppServer, removeDataDir, startAppServer, tempDataDir } from '../support/app-server.ts';
import { type PrivatePostgres, postgresBinDir, startPrivatePostgres } from '../support/private-postgres.ts';
import { postForm } from '../support/respondent-client.ts';
import { seedWave } from '../support/seed-wave.ts';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { templatePages } from '../support/template-answers.ts';

// PostgreSQL crashes (`pg_ctl stop -m immediate`, as in a failover) while respondents save pages, and comes
// back. The app process must live through it, answer 503 with a "try again" page meanwhile, serve again by
// itself, keep every page it acknowledged, and its mail worker must go on sending. The test runs its own
// PostgreSQL instance, so that the system's cluster other tests use is never stopped.
const bin = postgresBinDir();
const RESPONDENTS = 60;
/** Acknowledged saves before the crash. */
const CRASH_AFTER = 120;
/** How long a respondent keeps trying before the test gives up on them. */
const RESPONDENT_DEADLINE_MS = 90_000;
/** Mail recipients queued after the restart. */
const MAIL_RECIPIENTS = 3;

let pg: PrivatePostgres | undefined;
let server: AppServer | undefined;
let peer: SmtpPeer | undefined;
let database: TDatabase | undefined;
const dataDir = tempDataDir();
let url = '';
let admin: AdminClient;
let apiToken = '';

beforeAll(async () => {
	if (!bin) return;
	pg = await startPrivatePostgres(bin);
	await adminQuery(pg.url('postgres'), 'create database mognad');
	url = pg.url('mognad');
	await seedWave({ url, slug: 'omstart', mode: 'open' });
	await seedWave({ url, slug: 'utskick', mode: 'invite', participants: MAIL_RECIPIENTS });
	const user = await seedUser({ url, role: 'admin' });
	// Opened now and used after the restart: the pool must find its way back by itself in this process too.
	database = await openDatabase({ url });
	const [row] = await database.db.select().from(users).where(eq(users.email, user.email));
	if (!row) throw new Error('no admin');
	apiToken = (await createApiToken(database.db, row, 'omstart')).token;
	peer = await startSmtpPeer();
	server = await startAppServer({
		dataDir,
		env: {
			DATABASE_URL: url,
			SMTP_URL: peer.url,
			MAIL_POLL_MS: '200',
			MAIL_FROM: 'Region <enkat@example.org>',
			// Every simulated respondent starts from this one address.
			OPEN_START_LIMIT: '1000'
		}
	});
	admin = await signInOverHttp(server.url, user);
});

afterAll(async () => {
	await server?.stop();
	await database?.close();
	await peer?.stop();
	await pg?.remove();
	removeDataDir(dataDir);
});

type TOutcome = { acked: Set<string>; unavailable: number; unexpected: string[]; finished: boolean };

/**
 * Starts a response on the open link as a browser does: the start page's form, posted back. The server
 * makes the link token and keeps the start in a cookie until the first page is saved; returns both.
 */
async function startOnOpenLink(
	baseUrl: string,
	slug: string,
	seed: number
): Promise<{ token: string; cookie: string }> {
	const page = await (await fetch(`${baseUrl}/o/${slug}`)).text();
	const organisations = [...page.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((x) => x[1] ?? '');
	const roleGroup = /name="role_group" value="([^"]+)"/.exec(page)?.[1];
	if (organisations.length === 0 || !roleGroup) throw new Error('unexpected start page');
	const res = await fetch(`${baseUrl}/o/${slug}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams([
			['organisation', organisations[seed % organisations.length] ?? ''],
			['role_group', roleGroup],
			['title', 'IT-chef']
		]).toString()
	});
	const token = /^\/s\/([A-Za-z0-9_-]+)$/.exec(res.headers.get('location') ?? '')?.[1];
	if (res.status !== 303 || !token)
		throw new Error(`start: HTTP ${res.status} ${res.headers.get('location')}`);
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	return { token, cookie };
}

/**
 * One respondent answering every page and submitting, as a browser without JavaScript posts them. A 503
 * is what a person would see as "try again": they post the same page again a moment later.
 */
async function respondent(
	baseUrl: string,
	{ token, cookie }: { token: string; cookie: string },
	seed: number,
	events: { onAck: () => void; onUnavailable: () => void },
	deadline: number
): Promise<TOutcome> {
	const outcome: TOutcome = { acked: new Set(), unavailable: 0, unexpected: [], finished: false };
	const steps = [
		...templatePages(seed).map((p) => ({
			step: p.section,
			path: `/s/${token}/sida/${p.section}`,
			fields: [...p.fields, ['_action', 'next']] as Array<[string, string]>
		})),
		{ step: 'submitted', path: `/s/${token}/granska`, fields: [] }
	];
	for (const { step, path, fields } of steps) {
		for (;;) {
			if (Date.now() > deadline) return outcome;
			let status: number;
			try {
				status = (await postForm(baseUrl, path, fields, { cookie })).status;
			} catch (error) {
				outcome.unexpected.push(`${step}: ${(error as Error).message}`);
				return outcome;
			}
			if (status === 303) break;
			if (status !== 503) {
				outcome.unexpected.push(`${step}: HTTP ${status}`);
				return outcome;
			}
			outcome.unavailable += 1;
			events.onUnavailable();
			await new Promise((r) => setTimeout(r, 100 + (seed % 10) * 20));
		}
		outcome.acked.add(step);
		events.onAck();
		// A person reads the next page before posting it: spreads the saves over time.
		await new Promise((r) => setTimeout(r, 20 + (seed % 7) * 10));
	}
	outcome.finished = true;
	return outcome;
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<number> {
	const started = Date.now();
	while (!(await check())) {
		if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for: ${what}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	return Date.now() - started;
}

const title = bin
	? 'the app while its PostgreSQL server crashes and restarts'
	: 'the app while its PostgreSQL server restarts (skipped: no PostgreSQL binaries under /usr/lib/postgresql)';

describe.skipIf(!bin)(title, () => {
	it('stays up, answers 503 meanwhile, serves again by itself and loses no acknowledged answer', async () => {
		if (!server || !pg) throw new Error('not started');
		const app = server;
		const postgres = pg;
		let acks = 0;
		let unavailableLive = 0;
		let crash: Promise<void> | null = null;
		const deadline = Date.now() + RESPONDENT_DEADLINE_MS;
		const starts = await Promise.all(
			Array.from({ length: RESPONDENTS }, (_, i) => startOnOpenLink(app.url, 'omstart', i))
		);
		const tokens = starts.map((s) => s.token);
		const runs = starts.map((start, i) =>
			respondent(
				app.url,
				start,
				i,
				{
					onAck: () => {
						acks += 1;
						if (acks === CRASH_AFTER) crash = postgres.crash();
					},
					onUnavailable: () => {
						unavailableLive += 1;
					}
				},
				deadline
			)
		);
		await until(async () => crash !== null, 'enough saves to crash the database');
		await crash;
		const downAt = Date.now();

		// The process lives, and every kind of page says the service is away for now.
		expect(app.process.exitCode).toBeNull();
		const page = await fetch(`${app.url}/s/${tokens[0]}/sida/behov`, {
			headers: { cookie: starts[0]?.cookie ?? '' }
		});
		const body = await page.text();
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(body).toContain('Tjänsten är tillfälligt otillgänglig – försök igen om en stund');
		const english = await fetch(`${app.url}/s/${tokens[0]}/sida/behov?lang=en`);
		expect(english.status).toBe(503);
		expect(await english.text()).toContain('please try again in a moment');
		const open = await fetch(`${app.url}/o/omstart`);
		expect(open.status).toBe(503);
		expect(await open.text()).toContain('försök igen om en stund');
		const staff = await admin.get('/admin');
		expect(staff.status).toBe(503);
		expect(staff.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(staff.body).toContain('Databasen går inte att nå just nu');
		const api = await fetch(`${app.url}/api/v1/waves/omstart/status`, {
			headers: { authorization: `Bearer ${apiToken}`, accept: 'application/json' }
		});
		expect(api.status).toBe(503);
		expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await api.json()).toEqual({
			error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringContaining('try again') }
		});

		// Respondents keep posting and get 503s while the database stays away.
		const before = unavailableLive;
		await until(async () => unavailableLive >= before + RESPONDENTS, 'respondents to meet the outage');
		expect(app.process.exitCode).toBeNull();
		const restartAt = Date.now();
		await postgres.start();
		const upAt = Date.now();
		const recoveredIn = await until(async () => {
			const res = await fetch(`${app.url}/s/${tokens[0]}/sida/behov`, {
				headers: { cookie: starts[0]?.cookie ?? '' }
			});
			await res.arrayBuffer();
			return res.status === 200;
		}, 'the app to serve a respondent page again');
		const servingAt = Date.now();

		const outcomes = await Promise.all(runs);
		expect(app.process.exitCode).toBeNull();
		expect(outcomes.flatMap((o) => o.unexpected)).toEqual([]);
		expect(outcomes.every((o) => o.finished)).toBe(true);
		const unavailable = outcomes.reduce((sum, o) => sum + o.unavailable, 0);
		expect(unavailable).toBeGreaterThan(0);
		// Signed-in staff and the API are back too.
		expect((await admin.get('/admin')).status).toBe(200);
		const apiAgain = await fetch(`${app.url}/api/v1/waves/omstart/status`, {
			headers: { authorization: `Bearer ${apiToken}`, accept: 'application/json' }
		});
		expect(apiAgain.status).toBe(200);

		// Every page acknowledged, before the crash or after it, is stored as it was posted.
		const { db } = database as TDatabase;
		let checkedPages = 0;
		let checkedAnswers = 0;
		for (const [i, token] of tokens.entries()) {
			const { acked } = outcomes[i] as TOutcome;
			const r = await resolveRespondent(db, token);
			for (const p of templatePages(i).filter((x) => acked.has(x.section))) {
				for (const [field, value] of p.fields) {
					const answer = r?.answers[field.slice(2)];
					expect(answer, `${i} ${field}`).toBeDefined();
					if (answer?.kind === 'single') expect(answer.option).toBe(value);
					if (answer?.kind === 'scale') expect(answer.value).toBe(Number(value));
					if (answer?.kind === 'multi') expect(answer.options).toContain(value);
					checkedAnswers += 1;
				}
				checkedPages += 1;
			}
			if (acked.has('submitted')) expect(r?.response?.status).toBe('complete');
		}
		expect(checkedPages).toBe(RESPONDENTS * templatePages(0).length);

		// The mail worker lived through the outage (it logged it) and sends what is queued after it.
		expect(app.output()).toContain('mail worker: database unavailable');
		const queued = await queueInvitations(db, { waveSlug: 'utskick', origin: app.url, actor: 'test' });
		expect(queued.queued).toBe(MAIL_RECIPIENTS);
		const [wave] = await db.select().from(waves).where(eq(waves.slug, 'utskick'));
		await until(async () => {
			const rows = await db
				.select({ status: messages.status })
				.from(messages)
				.where(eq(messages.waveId, wave?.id ?? ''));
			return rows.length === MAIL_RECIPIENTS && rows.every((r) => r.status === 'sent');
		}, 'the invitations to be sent');
		expect(new Set(peer?.received.flatMap((m) => m.to)).size).toBe(MAIL_RECIPIENTS);

		console.log(
			`database restart: ${acks} saves acknowledged (${CRASH_AFTER} before the crash), ` +
				`${checkedPages} pages / ${checkedAnswers} answers checked, ${unavailable} posts answered 503; ` +
				`database down ${restartAt - downAt} ms, start took ${upAt - restartAt} ms, ` +
				`app serving again ${recoveredIn} ms after that (503 for ${servingAt - downAt} ms in all)`
		);
	});
});
