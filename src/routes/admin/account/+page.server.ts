import { error, fail } from '@sveltejs/kit';
import { roleName } from '#lib/components/admin/role-name.ts';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { createApiToken, ZApiTokenName } from '#lib/server/auth/create-api-token.ts';
import { listApiTokens } from '#lib/server/auth/list-api-tokens.ts';
import { revokeApiToken } from '#lib/server/auth/revoke-api-token.ts';
import { ROLES } from '#lib/server/auth/roles.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ROLES);
	const { db } = await getDatabase();
	return {
		account: { name: user.name, email: user.email, role: roleName(user.role) },
		tokens: await listApiTokens(db, user.id)
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const form = await readForm(request);
		const name = form.ok ? (Object.fromEntries(form.entries).name ?? '') : '';
		if (!ZApiTokenName.safeParse(name).success) {
			return fail(400, { errors: [{ field: 'name', message: m.auth_error_token_name() }], name });
		}
		const { db } = await getDatabase();
		const created = await createApiToken(db, user, name);
		return { created: { name: created.name, token: created.token } };
	},

	revoke: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const form = await readForm(request);
		const id = form.ok ? (Object.fromEntries(form.entries).token ?? '') : '';
		const { db } = await getDatabase();
		const token = (await listApiTokens(db, user.id)).find((t) => t.id === id);
		try {
			await revokeApiToken(db, user, id);
		} catch (e) {
			// Another user's token, or an id edited in the form: not found, and nothing changes.
			if (isAppError(e) && e.code === 'NOT_FOUND') error(404, { message: m.not_found_title() });
			throw e;
		}
		return { revoked: m.auth_tokens_revoked_done({ name: token?.name ?? '' }) };
	}
};
