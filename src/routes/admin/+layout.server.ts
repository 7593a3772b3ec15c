import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { LayoutServerLoad } from './$types';

// Any signed-in user. Layout and page loads run in parallel: every page checks its own roles as well.
export const load: LayoutServerLoad = pageLoad({ roles: ALL_ROLES }, ({ user }) => ({
	user: { name: user.name, email: user.email, role: user.role }
}));
