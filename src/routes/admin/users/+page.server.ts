import { z } from 'zod';
import { roleName } from '#lib/components/admin/role-name.ts';
import { ADMINS, ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import type { AppError } from '#lib/server/app-error.ts';
import { createUser } from '#lib/server/auth/create-user.ts';
import { generatePassword } from '#lib/server/auth/generate-password.ts';
import { listUsers } from '#lib/server/auth/list-users.ts';
import { setUserDisabled } from '#lib/server/auth/set-user-disabled.ts';
import { setUserRole } from '#lib/server/auth/set-user-role.ts';
import { listOrganisationTree } from '#lib/server/organisations/list-organisation-tree.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { emailField, nameField } from '#lib/server/web/person-fields.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: ADMINS }, async ({ user, db }) => {
	const [users, organisations] = await Promise.all([listUsers(db), listOrganisationTree(db)]);
	return {
		me: user.id,
		users: users.map((u) => ({ ...u, disabled: u.disabledAt !== null })),
		organisations: organisations.map((o) => ({ id: o.id, name: o.name, depth: o.depth }))
	};
});

// Refusals a user can act on come back as messages on the page; an id edited in the form is "not found".
function refusal(e: AppError) {
	if (e.code === 'NOT_FOUND') return undefined;
	return e.code === 'FORBIDDEN'
		? { field: '', message: m.auth_error_own_account(), status: 403 }
		: e.code === 'CONFLICT'
			? { field: 'email', message: m.auth_error_email_taken(), status: 400 }
			: { field: 'organisation', message: m.auth_error_organisation_required(), status: 400 };
}

// The password is generated, so only the name, the address, the role and a contact's unit can be wrong.
const ZCreateForm = () =>
	z
		.object({
			name: nameField(m.auth_error_name_required()),
			email: emailField(m.auth_error_email_invalid()),
			role: z.enum(ALL_ROLES, m.auth_error_role_required()),
			organisation: z.string().default('')
		})
		.refine((v) => v.role !== 'contact' || z.uuid().safeParse(v.organisation).success, {
			message: m.auth_error_organisation_required(),
			path: ['organisation']
		});

const ZRowForm = () => z.object({ user: z.string().min(1, m.error_form_invalid()) });
const ZRoleForm = () =>
	ZRowForm().extend({
		role: z.enum(ALL_ROLES, m.error_form_invalid()),
		organisation: z.string().optional()
	});

export const actions: Actions = {
	create: formAction(
		{ roles: ADMINS, schema: ZCreateForm, context: { section: 'create' }, refusal },
		async ({ user: me, db, input }) => {
			const password = generatePassword();
			const user = await createUser(
				db,
				{
					name: input.name,
					email: input.email,
					role: input.role,
					organisationId: input.role === 'contact' ? input.organisation : undefined,
					password
				},
				me.email
			);
			return { created: { email: user.email, password } };
		}
	),

	role: formAction(
		{ roles: ADMINS, schema: ZRoleForm, context: { section: 'row' }, refusal },
		async ({ user: me, db, input }) => {
			const role = input.role;
			const user = await setUserRole(db, me, {
				userId: z.uuid().safeParse(input.user).success ? input.user : '00000000-0000-0000-0000-000000000000',
				role,
				organisationId: role === 'contact' ? input.organisation || undefined : undefined
			});
			return { done: m.auth_users_role_changed({ name: user.name, role: roleName(user.role) }) };
		}
	),

	disable: toggle(true),
	enable: toggle(false)
};

function toggle(disabled: boolean) {
	return formAction(
		{ roles: ADMINS, schema: ZRowForm, context: { section: 'row' }, refusal },
		async ({ user: me, db, input }) => {
			const user = await setUserDisabled(db, me, input.user, disabled);
			return {
				done: disabled
					? m.auth_users_disabled_done({ name: user.name })
					: m.auth_users_enabled_done({ name: user.name })
			};
		}
	);
}
