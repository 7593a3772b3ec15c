import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export const ZListAuditEntries = z.object({
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
	pageSize: z.number().int().min(1).max(500).default(50),
	/** Only this action (e.g. `wave.open`); empty means all. */
	action: z
		.string()
		.trim()
		.max(100)
		.optional()
		.transform((a) => a || undefined)
});
export type ListAuditEntriesOptions = z.input<typeof ZListAuditEntries>;

/** One page of the audit log, newest first, with the total and the actions there are to filter by. */
export async function listAuditEntries(db: TDb, options: ListAuditEntriesOptions) {
	const input = ZListAuditEntries.parse(options);
	const where = input.action ? eq(auditLog.action, input.action) : undefined;
	const [{ total = 0 } = {}] = await db
		.select({ total: sql<number>`count(*)::int` })
		.from(auditLog)
		.where(where);
	const entries = await db
		.select()
		.from(auditLog)
		.where(where)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(input.pageSize)
		.offset((input.page - 1) * input.pageSize);
	const actions = await db
		.selectDistinct({ action: auditLog.action })
		.from(auditLog)
		.orderBy(auditLog.action);
	return {
		entries,
		total: Number(total),
		page: input.page,
		pages: Math.max(1, Math.ceil(Number(total) / input.pageSize)),
		action: input.action ?? null,
		actions: actions.map((a) => a.action)
	};
}
