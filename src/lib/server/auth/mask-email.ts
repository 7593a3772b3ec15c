/**
 * What the audit log keeps of an e-mail typed into a refused sign-in: the first three characters and the
 * domain (`ann…@example.org`), enough to see which account was aimed at without storing in full what an
 * attacker typed (which may be a password pasted into the wrong field).
 */
export function maskEmail(email: string): string {
	const at = email.lastIndexOf('@');
	const local = at < 0 ? email : email.slice(0, at);
	const domain = at < 0 ? '' : email.slice(at + 1, at + 1 + 64);
	return `${[...local].slice(0, 3).join('')}…${at < 0 ? '' : `@${domain}`}`;
}
