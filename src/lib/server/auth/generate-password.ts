import { randomBytes } from 'node:crypto';

/** A strong password for a new account: 18 random bytes as 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
	return randomBytes(18).toString('base64url');
}
