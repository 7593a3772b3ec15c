import { createHash, randomBytes } from 'node:crypto';

/** A new secret for a link: 32 random bytes, URL-safe. */
export function generateToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are long random secrets, so a plain SHA-256 is enough to store them safely. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** The shape of every token we hand out; anything else is refused before touching the database. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
