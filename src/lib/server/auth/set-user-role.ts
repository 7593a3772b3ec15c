import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations, users } from '../db/schema.ts';
import { type TRole, type TSessionUser, ZRole } from './roles.ts';

const ZSetRole = z.object({
	userId: z.uuid(),
	role: ZRole,
	/** Required for an organisation contact; ignored for the other roles. */
	organisationId: z.uuid().optional()
});
export type SetUserRoleOptions = z.input<typeof ZSetRole>;

/**
 * Gives a user another role (and, for a contact, their unit), in the audit log with the old and new role.
 * Administrators cannot change their own role, so the last one cannot lock everyone out by mistake.
 */
export async function setUserRole(
	db: TDb,
	actor: Pick<TSessionUser, 'id' | 'email'>,
	options: SetUserRoleOptions
): Promise<{ email: string; name: string; role: TRole }> {
	const input = ZSetRole.parse(options);
	if (input.userId === actor.id) throw new AppError('FORBIDDEN', 'You cannot change your own role');
	if (input.role === 'contact' && !input.organisationId)
		throw new AppError('INVALID_INPUT', 'An organisation contact needs an organisation');
	return db.transaction(async (tx) => {
		const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
		if (!user) throw new AppError('NOT_FOUND', 'No such user');
		let organisationId: string | null = null;
		if (input.role === 'contact') {
			const [org] = await tx
				.select({ id: organisations.id })
				.from(organisations)
				.where(eq(organisations.id, input.organisationId ?? ''));
			if (!org) throw new AppError('NOT_FOUND', 'No such organisation');
			organisationId = org.id;
		}
		if (user.role === input.role && user.organisationId === organisationId) return user;
		await tx.update(users).set({ role: input.role, organisationId }).where(eq(users.id, user.id));
		await recordAudit(tx, {
			actor: actor.email,
			action: 'user.role_change',
			subject: user.email,
			details: { from: user.role, to: input.role, organisationId }
		});
		return { email: user.email, name: user.name, role: input.role };
	});
}
