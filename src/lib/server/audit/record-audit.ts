import type { TDb, TTx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export interface RecordAuditOptions {
	/** Who did it: a user's e-mail address, `cli` for the command line, or `anonymous`. */
	actor: string;
	/** What was done, as `area.verb`, e.g. `user.create`, `auth.sign_in`, `auth.sign_in_failed`. */
	action: string;
	/** What it was done to, e.g. a user's e-mail or a wave's slug. */
	subject?: string | null;
	/** Further facts; never passwords or tokens. */
	details?: Record<string, unknown> | null;
}

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(db: TDb | TTx, entry: RecordAuditOptions): Promise<void> {
	await db.insert(auditLog).values({
		actor: entry.actor,
		action: entry.action,
		subject: entry.subject ?? null,
		details: entry.details ?? null
	});
}
