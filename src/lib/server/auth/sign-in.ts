import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { users } from '../db/schema.ts';
import {
	ACCOUNT_FAILURE_LIMIT,
	ADDRESS_FAILURE_LIMIT,
	accountKey,
	addressKey,
	countAttempt,
	resetLoginThrottle
} from './login-throttle.ts';
import { maskEmail } from './mask-email.ts';
import { dummyPasswordHash, verifyPassword } from './password-hash.ts';
import type { TSessionUser } from './roles.ts';

export interface SignInOptions {
	email: string;
	password: string;
	/** The client's address (see web/client-address.ts), throttled besides the account. */
	address: string;
	now?: Date;
}

export type TSignInResult =
	| { ok: true; user: TSessionUser }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'blocked'; retryAt: Date };

/**
 * Checks an e-mail and password. Unknown, disabled and wrong all answer 'invalid' after the same argon2
 * work. Each attempt is counted against the account before the password is checked, in one statement, so
 * parallel guesses get at most ACCOUNT_FAILURE_LIMIT checks per window; success clears the count.
 * Failures also count per address, but an address's block only changes how a failed attempt is answered:
 * the right password for an account that is not blocked always signs in, so one guesser behind a shared
 * office address cannot lock its colleagues out. Guessing stays bounded by the per-account limit.
 * Failures are audited while no limit is reached, then once per block with the e-mail masked.
 */
export async function signIn(db: TDb, options: SignInOptions): Promise<TSignInResult> {
	const now = options.now ?? new Date();
	const email = options.email.trim().toLowerCase().slice(0, 320);
	const keys = { account: accountKey(email), address: addressKey(options.address) };
	const audit = (action: string, details?: Record<string, unknown>) => {
		const who = action === 'auth.sign_in' ? email : maskEmail(email);
		return recordAudit(db, {
			actor: who || 'anonymous',
			action,
			subject: who,
			details: { address: options.address, ...details }
		});
	};

	const account = await countAttempt(db, keys.account, { limit: ACCOUNT_FAILURE_LIMIT, now });
	if (account.refused) {
		if (account.firstRefusal)
			await audit('auth.sign_in_blocked', blockDetails('account', account.blockedUntil));
		return { ok: false, reason: 'blocked', retryAt: account.blockedUntil ?? now };
	}
	const [user] = await db.select().from(users).where(eq(users.email, email));
	const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), options.password);
	if (user && matches && !user.disabledAt) {
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
	const address = await countAttempt(db, keys.address, { limit: ADDRESS_FAILURE_LIMIT, now });
	if (address.refused) {
		if (address.firstRefusal)
			await audit('auth.sign_in_blocked', blockDetails('address', address.blockedUntil));
		return { ok: false, reason: 'blocked', retryAt: address.blockedUntil ?? now };
	}
	await audit('auth.sign_in_failed', {
		reason: !user ? 'unknown account' : !matches ? 'wrong password' : 'disabled'
	});
	return { ok: false, reason: 'invalid' };
}

function blockDetails(scope: 'account' | 'address', until: Date | null) {
	return { scope, until: until?.toISOString() ?? null };
}
