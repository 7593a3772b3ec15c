import { m } from '#lib/paraglide/messages.js';

const names = {
	admin: m.auth_role_admin,
	analyst: m.auth_role_analyst,
	contact: m.auth_role_contact,
	viewer: m.auth_role_viewer
} as const;

/** A role's name in the current language, as shown in the UI. */
export function roleName(role: keyof typeof names): string {
	return names[role]();
}
