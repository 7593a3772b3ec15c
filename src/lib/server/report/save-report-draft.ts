import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZReportDefinition } from '../../core/report/report-definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { reports } from '../db/schema.ts';
import { parseInput } from '../themes/theme-input.ts';
import { getReportDraft } from './get-report-draft.ts';

export const ZSaveReportDraft = z.object({
	slug: z.string().min(1).max(100),
	/** The revision the editor started from. */
	revision: z.number().int().min(1),
	definition: ZReportDefinition
});
export type TSaveReportDraftInput = z.input<typeof ZSaveReportDraft>;

/**
 * Saves the analyst's edits over the revision they started from and returns the new revision. When
 * someone saved in between (another tab, another analyst), nothing is overwritten: a CONFLICT says so,
 * and the editor keeps its text for the analyst to copy or reload.
 */
export async function saveReportDraft(
	db: TDb,
	input: TSaveReportDraftInput,
	actor: { id: string } | null
): Promise<{ revision: number; updatedAt: Date }> {
	const { slug, revision, definition } = parseInput(ZSaveReportDraft, input);
	const draft = await getReportDraft(db, slug, definition.lang);
	const [row] = await db
		.update(reports)
		.set({
			definition,
			revision: sql`${reports.revision} + 1`,
			updatedAt: new Date(),
			updatedBy: actor?.id ?? null
		})
		.where(and(eq(reports.id, draft.id), eq(reports.revision, revision)))
		.returning({ revision: reports.revision, updatedAt: reports.updatedAt });
	if (!row) {
		throw new AppError(
			'CONFLICT',
			'Rapporten har sparats från en annan flik eller av någon annan sedan du började. Dina ändringar är inte sparade: kopiera texten och ladda om sidan.',
			{ revision: draft.revision }
		);
	}
	return row;
}
