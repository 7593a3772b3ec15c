import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { roleName } from '#lib/components/admin/role-name.ts';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { createUser } from '#lib/server/auth/create-user.ts';
import { generatePassword } from '#lib/server/auth/generate-password.ts';
import { listUsers } from '#lib/server/auth/list-users.ts';
import { ZRole } from '#lib/server/auth/roles.ts';
import { setUserDisabled } from '#lib/server/auth/set-user-disabled.ts';
import { setUserRole } from '#lib/server/auth/set-user-role.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listOrganisationTree } from '#lib/server/organisations/list-organisation-tree.ts';
import { checkAccountForm } from '#lib/server/web/account-form.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = requireRole(locals, ['admin']);
	const { db } = await getDatabase();
	const [users, organisations] = await Promise.all([listUsers(db), listOrganisationTree(db)]);
	return {
		me: me.id,
		users: users.map((u) => ({ ...u, disabled: u.disabledAt !== null })),
		organisations: organisations.map((o) => ({ id: o.id, name: o.name, depth: o.depth }))
	};
};

type TField = 'name' | 'email' | 'role' | 'organisation' | '';
type TError = { field: TField; message: string };

async function formValues(request: Request) {
	const form = await readForm(request);
	if (!form.ok) return null;
	return Object.fromEntries(form.entries) as Record<string, string | undefined>;
}

const invalidForm = () => fail(400, { errors: [{ field: '' as TField, message: m.error_form_invalid() }] });

// Refusals a user can act on come back as messages on the page; an id edited in the form is "not found".
function refusal(e: unknown, section: 'create' | 'row') {
	if (!isAppError(e)) throw e;
	if (e.code === 'NOT_FOUND') error(404, { message: m.not_found_title() });
	const message =
		e.code === 'FORBIDDEN'
			? m.auth_error_own_account()
			: e.code === 'CONFLICT'
				? m.auth_error_email_taken()
				: m.auth_error_organisation_required();
	const field: TField = e.code === 'CONFLICT' ? 'email' : e.code === 'FORBIDDEN' ? '' : 'organisation';
	return fail(e.code === 'FORBIDDEN' ? 403 : 400, { section, errors: [{ field, message }] as TError[] });
}

const ZRowForm = z.object({
	user: z.string().min(1),
	role: ZRole.optional(),
	organisation: z.string().optional()
});

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const me = requireRole(locals, ['admin']);
		const values = await formValues(request);
		if (!values) return invalidForm();
		const kept = {
			name: values.name ?? '',
			email: values.email ?? '',
			role: values.role ?? '',
			organisation: values.organisation ?? ''
		};
		const password = generatePassword();
		// The password is generated, so only the name and the address can be wrong.
		const errors: TError[] = [];
		const messages = {
			nameRequired: m.auth_error_name_required(),
			emailInvalid: m.auth_error_email_invalid(),
			passwordShort: m.auth_error_password_short(),
			passwordMismatch: m.auth_error_password_mismatch()
		};
		for (const e of checkAccountForm({ ...values, password }, messages, { repeat: false })) {
			if (e.field === 'name' || e.field === 'email') errors.push({ field: e.field, message: e.message });
		}
		const role = ZRole.safeParse(values.role);
		if (!role.success) errors.push({ field: 'role', message: m.auth_error_role_required() });
		else if (role.data === 'contact' && !z.uuid().safeParse(values.organisation).success)
			errors.push({ field: 'organisation', message: m.auth_error_organisation_required() });
		if (errors.length || !role.success) return fail(400, { section: 'create', errors, values: kept });
		const { db } = await getDatabase();
		try {
			const user = await createUser(
				db,
				{
					name: kept.name,
					email: kept.email,
					role: role.data,
					organisationId: role.data === 'contact' ? kept.organisation : undefined,
					password
				},
				me.email
			);
			return { created: { email: user.email, password } };
		} catch (e) {
			const refused = refusal(e, 'create');
			return fail(refused.status, { ...refused.data, values: kept });
		}
	},

	role: async ({ request, locals }) => {
		const me = requireRole(locals, ['admin']);
		const values = await formValues(request);
		const parsed = ZRowForm.safeParse(values ?? {});
		if (!parsed.success || !parsed.data.role) return invalidForm();
		const { db } = await getDatabase();
		try {
			const user = await setUserRole(db, me, {
				userId: z.uuid().safeParse(parsed.data.user).success
					? parsed.data.user
					: '00000000-0000-0000-0000-000000000000',
				role: parsed.data.role,
				organisationId: parsed.data.role === 'contact' ? parsed.data.organisation || undefined : undefined
			});
			return { done: m.auth_users_role_changed({ name: user.name, role: roleName(user.role) }) };
		} catch (e) {
			return refusal(e, 'row');
		}
	},

	disable: async ({ request, locals }) => toggle(request, locals, true),
	enable: async ({ request, locals }) => toggle(request, locals, false)
};

async function toggle(request: Request, locals: App.Locals, disabled: boolean) {
	const me = requireRole(locals, ['admin']);
	const values = await formValues(request);
	const parsed = ZRowForm.safeParse(values ?? {});
	if (!parsed.success) return invalidForm();
	const { db } = await getDatabase();
	try {
		const user = await setUserDisabled(db, me, parsed.data.user, disabled);
		return {
			done: disabled
				? m.auth_users_disabled_done({ name: user.name })
				: m.auth_users_enabled_done({ name: user.name })
		};
	} catch (e) {
		return refusal(e, 'row');
	}
}
