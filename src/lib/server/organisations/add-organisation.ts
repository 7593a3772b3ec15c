import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { findSibling } from './find-sibling.ts';

export const ZOrganisationName = z
	.string()
	.trim()
	.min(1, 'give a name')
	.max(200)
	.regex(/^[^\p{Cc}=+\-@]/u, 'must not start with =, +, - or @')
	.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters');
export const ZOrganisationCode = z
	.string()
	.trim()
	.max(50)
	.regex(/^[\p{L}\p{N}._-]*$/u, 'use letters, digits, ".", "_" and "-"');

export const ZAddOrganisation = z.object({
	parentId: z.uuid(),
	name: ZOrganisationName,
	code: ZOrganisationCode.optional().transform((c) => c || null),
	kind: z.enum(['department', 'other']).default('department'),
	actor: z.string().min(1)
});
export type AddOrganisationOptions = z.input<typeof ZAddOrganisation>;

/** Adds a unit (a department or another kind of unit) under an existing one. */
export async function addOrganisation(db: TDb, options: AddOrganisationOptions) {
	const input = ZAddOrganisation.parse(options);
	return db.transaction(async (tx) => {
		const [parent] = await tx.select().from(organisations).where(eq(organisations.id, input.parentId));
		if (!parent) throw new AppError('NOT_FOUND', 'The parent unit does not exist');
		if (await findSibling(tx, parent.id, input.name)) {
			throw new AppError('CONFLICT', `There is already a unit called "${input.name}" under ${parent.name}`);
		}
		if (input.code) {
			const [taken] = await tx.select().from(organisations).where(eq(organisations.code, input.code));
			if (taken) throw new AppError('CONFLICT', `The code "${input.code}" is already used by ${taken.name}`);
		}
		const [row] = await tx
			.insert(organisations)
			.values({ parentId: parent.id, name: input.name, code: input.code, kind: input.kind })
			.returning();
		if (!row) throw new Error('insert returned no row');
		await recordAudit(tx, {
			actor: input.actor,
			action: 'organisation.add',
			subject: `organisation:${row.id}`,
			details: { name: row.name, code: row.code, parent: parent.name }
		});
		return row;
	});
}
