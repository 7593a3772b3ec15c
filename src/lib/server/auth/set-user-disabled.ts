import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { sessions, users } from '../db/schema.ts';
import type { TSessionUser } from './roles.ts';

/**
 * Disables a user (their sessions end at once and they cannot sign in; API tokens stop working) or
 * enables them again. Logged in the audit log; doing it twice changes nothing more.
 */
export async function setUserDisabled(
	db: TDb,
	actor: Pick<TSessionUser, 'id' | 'email'>,
	userId: string,
	disabled: boolean,
	now = new Date()
): Promise<{ email: string; name: string }> {
	if (!z.uuid().safeParse(userId).success) throw new AppError('NOT_FOUND', 'No such user');
	if (userId === actor.id) throw new AppError('FORBIDDEN', 'You cannot disable your own account');
	return db.transaction(async (tx) => {
		const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
		if (!user) throw new AppError('NOT_FOUND', 'No such user');
		if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
		if ((user.disabledAt !== null) === disabled) return user;
		await tx
			.update(users)
			.set({ disabledAt: disabled ? now : null })
			.where(eq(users.id, userId));
		await recordAudit(tx, {
			actor: actor.email,
			action: disabled ? 'user.disable' : 'user.enable',
			subject: user.email
		});
		return user;
	});
}
