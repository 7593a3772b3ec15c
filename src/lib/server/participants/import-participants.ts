import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { readParticipantRows } from '../../core/participants/participant-rows.ts';
import type { TRowProblem } from '../../core/spreadsheet/row-problem.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { participants } from '../db/schema.ts';
import { readTableFile } from '../spreadsheet/read-table-file.ts';
import { insertParticipants } from './insert-participants.ts';
import { loadParticipantContext } from './participant-context.ts';

export const ZImportParticipants = z.object({
	waveSlug: z.string().min(1),
	/** The uploaded CSV or XLSX file. */
	bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected the file as bytes'),
	fileName: z.string().max(255).default(''),
	/** Who imports, for the audit log (a user's e-mail, or `cli`). */
	actor: z.string().min(1)
});
export type ImportParticipantsOptions = z.input<typeof ZImportParticipants>;

export type TImportParticipantsResult =
	| { ok: true; imported: number; participants: { name: string; email: string; token: string }[] }
	| { ok: false; problems: TRowProblem[] };

/**
 * Imports a participant list into a wave, all or nothing. A file that cannot be read is refused with an
 * AppError; otherwise every bad row (unreadable cells, unknown organisation, an address already in the
 * wave) is returned with its line and nothing is written. The tokens are returned this once.
 */
export async function importParticipants(
	db: TDb,
	options: ImportParticipantsOptions
): Promise<TImportParticipantsResult> {
	const input = ZImportParticipants.parse(options);
	const context = await loadParticipantContext(db, input.waveSlug);
	const table = await readTableFile(input.bytes, input.fileName);
	if (!table.ok) throw new AppError('INVALID_INPUT', table.problem);
	const read = readParticipantRows(table.table);
	if (!read.ok) throw new AppError('INVALID_INPUT', read.problem);
	const problems = [...read.problems];
	const { wave } = context;

	return db.transaction(async (tx) => {
		const existing = new Set(
			(
				await tx
					.select({ email: sql<string>`lower(${participants.email})` })
					.from(participants)
					.where(eq(participants.waveId, wave.id))
			).map((r) => r.email)
		);
		const rows = read.rows.flatMap((row) => {
			const org = context.findOrganisation(row.organisation);
			if (!org.found) {
				problems.push({
					line: row.line,
					code: org.reason === 'ambiguous' ? 'ambiguous_organisation' : 'unknown_organisation',
					value: row.organisation
				});
			}
			if (existing.has(row.email.toLowerCase())) {
				problems.push({ line: row.line, code: 'duplicate_in_wave', value: row.email });
			}
			return org.found
				? [{ ...row, organisationId: org.found.id, roleGroup: context.roleGroupOf(row.title) }]
				: [];
		});
		if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
		const inserted = await insertParticipants(tx, wave.id, rows);
		await recordAudit(tx, {
			actor: input.actor,
			action: 'participants.import',
			subject: `wave:${wave.slug}`,
			details: { imported: rows.length, file: input.fileName }
		});
		return {
			ok: true,
			imported: rows.length,
			participants: inserted.map(({ token }, i) => ({
				name: rows[i]?.name ?? '',
				email: rows[i]?.email ?? '',
				token
			}))
		};
	});
}
