import { error, redirect } from '@sveltejs/kit';
import type { TRole, TSessionUser } from '../auth/roles.ts';

/**
 * The signed-in user if their role is one of `roles`. Signed out: a redirect to the sign-in page (or 401
 * for the JSON API); signed in with another role: 403.
 */
export function requireRole(
	locals: { user: TSessionUser | null; lang?: 'sv' | 'en' },
	roles: readonly TRole[],
	options: { api?: boolean } = {}
): TSessionUser {
	const user = locals.user;
	if (!user) {
		if (options.api)
			error(401, {
				message: 'Sign in, or send an API token as "Authorization: Bearer …"',
				code: 'UNAUTHENTICATED'
			});
		redirect(303, '/login');
	}
	if (!roles.includes(user.role))
		error(403, {
			message:
				locals.lang === 'en'
					? 'Your account may not open this page.'
					: 'Ditt konto har inte behörighet till den här sidan.',
			code: 'FORBIDDEN'
		});
	return user;
}
