import { listAuditEntries } from '#lib/server/audit/list-audit-entries.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, ['admin']);
	const { db } = await getDatabase();
	const log = await listAuditEntries(db, {
		page: url.searchParams.get('page') ?? 1,
		action: url.searchParams.get('action') ?? undefined
	});
	return {
		...log,
		entries: log.entries.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			actor: e.actor,
			action: e.action,
			subject: e.subject,
			details: e.details === null ? null : JSON.stringify(e.details)
		}))
	};
};
