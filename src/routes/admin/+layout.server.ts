import { ROLES } from '#lib/server/auth/roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { LayoutServerLoad } from './$types';

// Any signed-in user. Layout and page loads run in parallel: every page checks its own roles as well.
export const load: LayoutServerLoad = ({ locals }) => {
	const user = requireRole(locals, ROLES);
	return { user: { name: user.name, email: user.email, role: user.role } };
};
