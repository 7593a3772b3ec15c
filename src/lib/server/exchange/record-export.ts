import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';

/** Every export of a wave's microdata is audited: who took which wave's responses, in which format. */
export function recordExport(
	db: TDb,
	entry: { actor: string; slug: string; format: 'csv' | 'xlsx' | 'spss' }
): Promise<void> {
	return recordAudit(db, {
		actor: entry.actor,
		action: 'export.responses',
		subject: entry.slug,
		details: { format: entry.format }
	});
}
