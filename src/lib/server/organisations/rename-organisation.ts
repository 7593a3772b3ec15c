import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { ZOrganisationName } from './add-organisation.ts';
import { findSibling } from './find-sibling.ts';

export const ZRenameOrganisation = z.object({
	id: z.uuid(),
	name: ZOrganisationName,
	actor: z.string().min(1)
});
export type RenameOrganisationOptions = z.input<typeof ZRenameOrganisation>;

/** Renames a unit; its code, place in the tree, participants and responses stay. */
export async function renameOrganisation(db: TDb, options: RenameOrganisationOptions) {
	const input = ZRenameOrganisation.parse(options);
	return db.transaction(async (tx) => {
		const [unit] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
		if (!unit) throw new AppError('NOT_FOUND', 'The unit does not exist');
		if (unit.name === input.name) return unit;
		if (unit.parentId && (await findSibling(tx, unit.parentId, input.name, unit.id))) {
			throw new AppError('CONFLICT', `There is already a unit called "${input.name}" there`);
		}
		const [row] = await tx
			.update(organisations)
			.set({ name: input.name })
			.where(eq(organisations.id, unit.id))
			.returning();
		await recordAudit(tx, {
			actor: input.actor,
			action: 'organisation.rename',
			subject: `organisation:${unit.id}`,
			details: { from: unit.name, to: input.name }
		});
		return row ?? unit;
	});
}
