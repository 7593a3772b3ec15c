import { z } from 'zod';
import { describeAuditAction, describeAuditEntry } from '#lib/core/audit/describe-audit-entry.ts';
import { ADMINS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { listAuditEntries } from '#lib/server/audit/list-audit-entries.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { PageServerLoad } from './$types';

const ZText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.catch('')
		.transform((s) => s || undefined);

/** The filters in the query string; a date that is not YYYY-MM-DD is kept aside to be shown with a message. */
const ZAuditQuery = z.object({
	page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
	action: ZText(100),
	actor: ZText(320),
	from: ZText(40),
	to: ZText(40)
});

const isDay = (value: string | undefined) => value === undefined || z.iso.date().safeParse(value).success;

export const load: PageServerLoad = pageLoad({ roles: ADMINS }, async ({ db, lang, event: { url } }) => {
	const query = ZAuditQuery.parse({
		page: url.searchParams.get('page') ?? 1,
		action: url.searchParams.get('action') ?? '',
		actor: url.searchParams.get('actor') ?? '',
		from: url.searchParams.get('from') ?? '',
		to: url.searchParams.get('to') ?? ''
	});
	const errors: { field: 'from' | 'to'; message: string }[] = [];
	let { from, to } = query;
	if (!isDay(from)) {
		errors.push({ field: 'from', message: m.audit_error_date({}, { locale: lang }) });
		from = undefined;
	}
	if (!isDay(to)) {
		errors.push({ field: 'to', message: m.audit_error_date({}, { locale: lang }) });
		to = undefined;
	}
	if (from && to && from > to) {
		errors.push({ field: 'to', message: m.audit_error_range({}, { locale: lang }) });
		from = undefined;
		to = undefined;
	}
	const log = await listAuditEntries(db, {
		page: query.page,
		action: query.action,
		actor: query.actor,
		from,
		to
	});
	return {
		...log,
		actions: log.actions.map((action) => ({ code: action, label: describeAuditAction(action, lang) })),
		// The entered values, also a mistyped date, so the form shows what was asked for.
		values: { from: query.from ?? '', to: query.to ?? '' },
		errors,
		entries: log.entries.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			who: e.actorName ? `${e.actorName} (${e.actor})` : e.actor,
			text: describeAuditEntry(e, lang)
		}))
	};
});
