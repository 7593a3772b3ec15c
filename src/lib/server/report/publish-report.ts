import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type TReportDocument, ZReportDocument } from '../../core/report/document.ts';
import { ZReportDefinition } from '../../core/report/report-definition.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { reports, reportVersions } from '../db/schema.ts';
import { parseInput } from '../themes/theme-input.ts';
import { getReportDraft } from './get-report-draft.ts';
import { resolveReport } from './resolve-report.ts';

export const ZPublishReport = z.object({
	slug: z.string().min(1).max(100),
	/** The draft revision the analyst saw when they pressed publish. */
	revision: z.number().int().min(1)
});

/** Sections only: the version label and date differ between two publications of the same content. */
const content = (doc: TReportDocument) =>
	JSON.stringify({ ...doc, meta: { ...doc.meta, version: '', publishedOn: null } });

/**
 * Publishes the draft as the next report version: its definition and the document resolved from today's
 * data are frozen, so the published PDF and DOCX can be rebuilt identically later. Publishing what is
 * already the latest version (a double click) returns that version instead of a copy. A draft saved
 * after the analyst's revision is a CONFLICT.
 */
export async function publishReport(
	db: TDb,
	input: z.input<typeof ZPublishReport>,
	actor: { id: string; email: string } | null,
	today: string = new Date().toISOString().slice(0, 10)
): Promise<{ version: number; created: boolean }> {
	const { slug, revision } = parseInput(ZPublishReport, input);
	const draft = await getReportDraft(db, slug);
	if (draft.revision !== revision) throw staleDraft();
	const [latest] = await db
		.select({ version: reportVersions.version })
		.from(reportVersions)
		.where(eq(reportVersions.reportId, draft.id))
		.orderBy(desc(reportVersions.version))
		.limit(1);
	const next = (latest?.version ?? 0) + 1;
	// Resolved before the transaction: it reads through the pool (PGlite has a single connection).
	const snapshot = ZReportDocument.parse(
		await resolveReport(db, draft.definition, { slug, version: String(next), publishedOn: today })
	);
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ revision: reports.revision })
			.from(reports)
			.where(eq(reports.id, draft.id))
			.for('update');
		if (locked?.revision !== revision) throw staleDraft();
		const [last] = await tx
			.select()
			.from(reportVersions)
			.where(eq(reportVersions.reportId, draft.id))
			.orderBy(desc(reportVersions.version))
			.limit(1);
		if (
			last &&
			// jsonb keeps keys in its own order: compare both as the schema orders them.
			JSON.stringify(ZReportDefinition.parse(last.definition)) === JSON.stringify(draft.definition) &&
			content(ZReportDocument.parse(last.snapshot)) === content(snapshot)
		) {
			return { version: last.version, created: false };
		}
		const version = (last?.version ?? 0) + 1;
		const frozen = { ...snapshot, meta: { ...snapshot.meta, version: String(version) } };
		await tx.insert(reportVersions).values({
			reportId: draft.id,
			version,
			definition: draft.definition,
			snapshot: frozen,
			publishedBy: actor?.id ?? null,
			publishedAt: sql`now()`
		});
		await recordAudit(tx, {
			actor: actor?.email ?? 'cli',
			action: 'report.publish',
			subject: slug,
			details: { version, revision }
		});
		return { version, created: true };
	});
}

function staleDraft() {
	return new AppError(
		'CONFLICT',
		'Rapporten har ändrats sedan sidan laddades. Ladda om sidan och granska utkastet innan du publicerar.'
	);
}
