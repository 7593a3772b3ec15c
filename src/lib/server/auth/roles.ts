import { z } from 'zod';
import { ALL_ROLES, type TRole } from '../../core/roles/role-sets.ts';

export type { TRole };

/** A role as a form or a CLI option gives it; the sets of roles pages check are in `core/roles/role-sets.ts`. */
export const ZRole = z.enum(ALL_ROLES);

/** The signed-in user as routes see it (`event.locals.user`). */
export interface TSessionUser {
	id: string;
	email: string;
	name: string;
	role: TRole;
	/** The unit an organisation contact is bound to; null for the other roles. */
	organisationId: string | null;
}
