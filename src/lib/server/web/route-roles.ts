import type { TRole, TSessionUser } from '../auth/roles.ts';
import { requireRole } from './require-role.ts';

/** The roles a route admits, or 'public' for the pages anyone may open (sign-in, respondents). */
export type TRouteRoles = readonly TRole[] | 'public';

/** The user a handler gets: signed in with one of the roles, or anyone (perhaps signed out) on a public route. */
export type TUserFor<R extends TRouteRoles> = R extends 'public' ? TSessionUser | null : TSessionUser;

/** requireRole for a route's roles: signed out → /login (401 for the API), another role → 403. */
export function routeUser<R extends TRouteRoles>(
	locals: App.Locals,
	roles: R,
	options: { api?: boolean } = {}
): TUserFor<R> {
	if (roles === 'public') return locals.user as TUserFor<R>;
	return requireRole(locals, roles as readonly TRole[], options) as TUserFor<R>;
}
