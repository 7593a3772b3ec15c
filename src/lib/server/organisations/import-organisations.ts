import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { organisationLookup } from '../../core/organisations/organisation-lookup.ts';
import { readOrganisationRows } from '../../core/organisations/organisation-rows.ts';
import type { TRowProblem } from '../../core/spreadsheet/row-problem.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { readTableFile } from '../spreadsheet/read-table-file.ts';
import { listOrganisationTree } from './list-organisation-tree.ts';

export const ZImportOrganisations = z.object({
	bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected the file as bytes'),
	fileName: z.string().max(255).default(''),
	actor: z.string().min(1)
});
export type ImportOrganisationsOptions = z.input<typeof ZImportOrganisations>;

export type TImportOrganisationsResult =
	| { ok: true; created: number; unchanged: number }
	| { ok: false; problems: TRowProblem[] };

const key = (s: string) => s.toLocaleLowerCase('sv');

/**
 * Adds units from a CSV or XLSX file (name, parent by code or name, optional code), all or nothing. A parent
 * may be a unit created on an earlier line. A unit that already exists under that parent with the same code
 * is left as it is, so importing a file twice changes nothing.
 */
export async function importOrganisations(
	db: TDb,
	options: ImportOrganisationsOptions
): Promise<TImportOrganisationsResult> {
	const input = ZImportOrganisations.parse(options);
	const table = await readTableFile(input.bytes, input.fileName);
	if (!table.ok) throw new AppError('INVALID_INPUT', table.problem);
	const read = readOrganisationRows(table.table);
	if (!read.ok) throw new AppError('INVALID_INPUT', read.problem);
	const problems = [...read.problems];

	return db.transaction(async (tx) => {
		await tx.execute(sql`lock table organisations in share row exclusive mode`);
		const units = await listOrganisationTree(tx);
		const lookup = organisationLookup(units);
		const kindOf = new Map(units.map((u) => [u.id, u.kind]));
		const byCode = new Map(units.flatMap((u) => (u.code ? [[key(u.code), u] as const] : [])));
		const children = new Map<string, Map<string, { code: string | null }>>();
		const childrenOf = (parentId: string) => {
			const named = children.get(parentId) ?? new Map<string, { code: string | null }>();
			children.set(parentId, named);
			return named;
		};
		for (const u of units) if (u.parentId) childrenOf(u.parentId).set(key(u.name), u);

		const created: (typeof organisations.$inferInsert)[] = [];
		let unchanged = 0;
		for (const row of read.rows) {
			const parent = lookup.find(row.parent);
			if (!parent.found) {
				problems.push({
					line: row.line,
					code: parent.reason === 'ambiguous' ? 'ambiguous_organisation' : 'unknown_organisation',
					value: row.parent
				});
				continue;
			}
			const sibling = childrenOf(parent.found.id).get(key(row.name));
			if (sibling) {
				if (!row.code || key(row.code) === key(sibling.code ?? '')) unchanged++;
				else problems.push({ line: row.line, code: 'name_taken', value: row.name });
				continue;
			}
			if (row.code && byCode.has(key(row.code))) {
				problems.push({ line: row.line, code: 'code_taken', value: row.code });
				continue;
			}
			const parentKind = kindOf.get(parent.found.id);
			const unit = {
				id: randomUUID(),
				parentId: parent.found.id,
				name: row.name,
				code: row.code,
				kind:
					parentKind === 'municipality' || parentKind === 'department'
						? ('department' as const)
						: ('other' as const)
			};
			created.push(unit);
			lookup.add(unit);
			kindOf.set(unit.id, unit.kind);
			if (unit.code) byCode.set(key(unit.code), { ...unit, depth: 0 });
			childrenOf(parent.found.id).set(key(unit.name), unit);
		}
		if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
		// Rows come in file order, so every parent is inserted before its units.
		for (let i = 0; i < created.length; i += 1000)
			await tx.insert(organisations).values(created.slice(i, i + 1000));
		await recordAudit(tx, {
			actor: input.actor,
			action: 'organisations.import',
			details: { created: created.length, unchanged, file: input.fileName }
		});
		return { ok: true, created: created.length, unchanged };
	});
}
