import { createHash } from 'node:crypto';

/** How an erased person is named in the audit log: a hash of their lower-cased e-mail, not the address. */
export function emailHash(email: string): string {
	return `sha256:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}
