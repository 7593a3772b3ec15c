import { hash, verify } from '@node-rs/argon2';

// The library's defaults are argon2id with 19 MiB memory and 2 passes: OWASP's recommended minimum.
/** An argon2id hash of a password, in the PHC string format (salt and parameters included). */
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummy: Promise<string> | undefined;
/** A hash of nothing anyone knows, verified against for unknown accounts so that they cost the same work. */
export function dummyPasswordHash(): Promise<string> {
	dummy ??= hashPassword(`no account ${Math.random()}`);
	return dummy;
}
