import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { users } from '../db/schema.ts';
import {
	ACCOUNT_FAILURE_LIMIT,
	ADDRESS_FAILURE_LIMIT,
	accountKey,
	addressKey,
	blockedUntil,
	recordLoginFailure,
	resetLoginThrottle
} from './login-throttle.ts';
import { dummyPasswordHash, verifyPassword } from './password-hash.ts';
import type { TSessionUser } from './roles.ts';

export interface SignInOptions {
	email: string;
	password: string;
	/** The client's address, throttled besides the account. */
	address: string;
	now?: Date;
}

export type TSignInResult =
	| { ok: true; user: TSessionUser }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'blocked'; retryAt: Date };

/**
 * Checks an e-mail and password. Unknown, disabled and wrong all answer 'invalid' after the same argon2
 * work; failures count per account and per address, and a blocked key is refused without checking the
 * password. Success clears the account's count. Every attempt is written to the audit log.
 */
export async function signIn(db: TDb, options: SignInOptions): Promise<TSignInResult> {
	const now = options.now ?? new Date();
	const email = options.email.trim().toLowerCase().slice(0, 320);
	const keys = { account: accountKey(email), address: addressKey(options.address) };
	const audit = (action: string, details?: Record<string, unknown>) =>
		recordAudit(db, {
			actor: email || 'anonymous',
			action,
			subject: email,
			details: { address: options.address, ...details }
		});

	const blocked = await blockedUntil(db, [keys.account, keys.address], now);
	if (blocked) {
		await audit('auth.sign_in_blocked', { until: blocked.toISOString() });
		return { ok: false, reason: 'blocked', retryAt: blocked };
	}
	const [user] = await db.select().from(users).where(eq(users.email, email));
	const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);
	if (!user || !matches || user.disabledAt) {
		await recordLoginFailure(db, keys.account, ACCOUNT_FAILURE_LIMIT, now);
		await recordLoginFailure(db, keys.address, ADDRESS_FAILURE_LIMIT, now);
		await audit('auth.sign_in_failed', {
			reason: !user ? 'unknown account' : !matches ? 'wrong password' : 'disabled'
		});
		return { ok: false, reason: 'invalid' };
	}
	await resetLoginThrottle(db, keys.account);
	await audit('auth.sign_in');
	return {
		ok: true,
		user: {
			id: user.id,
			email: user.email,
			name: user.name,
			role: user.role,
			organisationId: user.organisationId
		}
	};
}
