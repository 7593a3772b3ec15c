import { z } from 'zod';

/** Roles of staff accounts: administrator, analyst, organisation contact (bound to one unit), viewer. */
export const ROLES = ['admin', 'analyst', 'contact', 'viewer'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** The signed-in user as routes see it (`event.locals.user`). */
export interface TSessionUser {
	id: string;
	email: string;
	name: string;
	role: TRole;
	/** The unit an organisation contact is bound to; null for the other roles. */
	organisationId: string | null;
}
