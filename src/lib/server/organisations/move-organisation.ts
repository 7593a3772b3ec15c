import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { findSibling } from './find-sibling.ts';
import { organisationSubtreeIds } from './organisation-subtree.ts';

export const ZMoveOrganisation = z.object({ id: z.uuid(), parentId: z.uuid(), actor: z.string().min(1) });
export type MoveOrganisationOptions = z.input<typeof ZMoveOrganisation>;

/**
 * Puts a unit (with everything below it) under another parent. Refuses to move a root (the region) and
 * to move a unit under itself or one of its own units, which would cut the branch off the tree.
 */
export async function moveOrganisation(db: TDb, options: MoveOrganisationOptions) {
	const input = ZMoveOrganisation.parse(options);
	return db.transaction(async (tx) => {
		// Two moves at once could each pass the cycle check and together make a loop: one tree change at a time.
		await tx.execute(sql`lock table organisations in share row exclusive mode`);
		const [unit] = await tx.select().from(organisations).where(eq(organisations.id, input.id));
		if (!unit) throw new AppError('NOT_FOUND', 'The unit does not exist');
		if (!unit.parentId)
			throw new AppError('INVALID_INPUT', `${unit.name} is the top of the tree and cannot be moved`);
		const [parent] = await tx.select().from(organisations).where(eq(organisations.id, input.parentId));
		if (!parent) throw new AppError('NOT_FOUND', 'The new parent unit does not exist');
		if (unit.parentId === parent.id) return unit;
		if ((await organisationSubtreeIds(tx, unit.id)).includes(parent.id)) {
			throw new AppError(
				'INVALID_INPUT',
				`${unit.name} cannot be moved under ${parent.name}, which is part of it`
			);
		}
		if (await findSibling(tx, parent.id, unit.name, unit.id)) {
			throw new AppError('CONFLICT', `There is already a unit called "${unit.name}" under ${parent.name}`);
		}
		const [row] = await tx
			.update(organisations)
			.set({ parentId: parent.id })
			.where(eq(organisations.id, unit.id))
			.returning();
		await recordAudit(tx, {
			actor: input.actor,
			action: 'organisation.move',
			subject: `organisation:${unit.id}`,
			details: { name: unit.name, from: unit.parentId, to: parent.id }
		});
		return row ?? unit;
	});
}
