import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';

export const ZListAuditEntries = z.object({
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
	pageSize: z.number().int().min(1).max(500).default(50),
	/** Only this action (e.g. `wave.open`); empty means all. */
	action: z
		.string()
		.trim()
		.max(100)
		.optional()
		.transform((a) => a || undefined),
	/** Only entries by this actor (as stored: an e-mail address or `cli`). */
	actor: z
		.string()
		.trim()
		.max(320)
		.optional()
		.transform((a) => a || undefined),
	/** From this day (YYYY-MM-DD, UTC), inclusive. */
	from: z.iso.date().optional(),
	/** To this day (YYYY-MM-DD, UTC), inclusive. */
	to: z.iso.date().optional()
});
export type ListAuditEntriesOptions = z.input<typeof ZListAuditEntries>;

/** One page of the audit log, newest first, with the total and the actions there are to filter by. */
export async function listAuditEntries(db: TDb, options: ListAuditEntriesOptions) {
	const input = ZListAuditEntries.parse(options);
	const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
	const where = and(
		input.action ? eq(auditLog.action, input.action) : undefined,
		input.actor ? eq(auditLog.actor, input.actor) : undefined,
		input.from ? gte(auditLog.at, new Date(`${input.from}T00:00:00Z`)) : undefined,
		input.to ? lt(auditLog.at, dayAfter(input.to)) : undefined
	);
	const [{ total = 0 } = {}] = await db
		.select({ total: sql<number>`count(*)::int` })
		.from(auditLog)
		.where(where);
	const entries = await db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			actor: auditLog.actor,
			actorName: users.name,
			action: auditLog.action,
			subject: auditLog.subject,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(users, eq(users.email, auditLog.actor))
		.where(where)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(input.pageSize)
		.offset((input.page - 1) * input.pageSize);
	const actions = await db
		.selectDistinct({ action: auditLog.action })
		.from(auditLog)
		.orderBy(auditLog.action);
	const actors = await db
		.selectDistinct({ actor: auditLog.actor, name: users.name })
		.from(auditLog)
		.leftJoin(users, eq(users.email, auditLog.actor))
		.orderBy(auditLog.actor);
	return {
		entries,
		actors: actors.map((a) => ({ value: a.actor, label: a.name ? `${a.name} (${a.actor})` : a.actor })),
		actor: input.actor ?? null,
		from: input.from ?? null,
		to: input.to ?? null,
		total: Number(total),
		page: input.page,
		pages: Math.max(1, Math.ceil(Number(total) / input.pageSize)),
		action: input.action ?? null,
		actions: actions.map((a) => a.action)
	};
}
