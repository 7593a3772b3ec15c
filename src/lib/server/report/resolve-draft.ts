import type { TReportDocument } from '../../core/report/document.ts';
import type { TDb } from '../db/client.ts';
import { getReportDraft, type TReportDraft } from './get-report-draft.ts';
import { resolveReport } from './resolve-report.ts';

/**
 * The wave's draft report resolved from today's data, marked as a draft ("Utkast", no publication date):
 * for the whole wave, or for one organisation against the region (refused below k).
 */
export async function resolveDraft(
	db: TDb,
	slug: string,
	options: { lang?: 'sv' | 'en'; organisation?: string } = {}
): Promise<{ draft: TReportDraft; doc: TReportDocument }> {
	const draft = await getReportDraft(db, slug, options.lang ?? 'sv');
	const doc = await resolveReport(db, draft.definition, {
		slug,
		organisation: options.organisation,
		version: draft.definition.lang === 'en' ? 'Draft' : 'Utkast',
		publishedOn: null
	});
	return { draft, doc };
}
