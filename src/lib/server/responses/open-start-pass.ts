import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { meta } from '../db/schema.ts';
import { TOKEN_PATTERN } from '../tokens.ts';

/**
 * What an open-link respondent chose on the start page, kept in their browser (a signed cookie) until the
 * first page is saved: only then is a response row created, so starts that answer nothing leave no row.
 */
export const ZOpenStart = z.object({
	token: z.string().regex(TOKEN_PATTERN),
	waveId: z.uuid(),
	organisationId: z.uuid(),
	/** Null when the questionnaire has no role groups to choose from. */
	roleGroup: z.string().min(1).max(100).nullable(),
	role: z.string().max(200).nullable(),
	lang: z.enum(['sv', 'en'])
});
export type TOpenStart = z.infer<typeof ZOpenStart>;

const KEY = 'open-start-signing-key';
const keys = new WeakMap<TDb, Buffer>();

// The key is stored in the database, so that every app process signs and checks with the same one.
async function signingKey(db: TDb): Promise<Buffer> {
	const known = keys.get(db);
	if (known) return known;
	await db
		.insert(meta)
		.values({ key: KEY, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing({ target: meta.key });
	const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY));
	const key = Buffer.from(String(row?.value), 'base64url');
	keys.set(db, key);
	return key;
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

/** The cookie value that carries a start: its fields and a MAC, so a browser cannot make one up. */
export async function signOpenStart(db: TDb, start: TOpenStart): Promise<string> {
	const payload = Buffer.from(JSON.stringify(ZOpenStart.parse(start))).toString('base64url');
	return `${payload}.${mac(await signingKey(db), payload).toString('base64url')}`;
}

/** The start a cookie value carries for `token`, or null when it is missing, altered or for another link. */
export async function readOpenStart(
	db: TDb,
	token: string,
	value: string | undefined
): Promise<TOpenStart | null> {
	const [payload = '', signature = ''] = (value ?? '').split('.');
	const expected = mac(await signingKey(db), payload);
	const given = Buffer.from(signature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		const start = ZOpenStart.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
		return start.token === token ? start : null;
	} catch {
		return null;
	}
}
