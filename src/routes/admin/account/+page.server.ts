import { z } from 'zod';
import { roleName } from '#lib/components/admin/role-name.ts';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { createApiToken, ZApiTokenName } from '#lib/server/auth/create-api-token.ts';
import { listApiTokens } from '#lib/server/auth/list-api-tokens.ts';
import { revokeApiToken } from '#lib/server/auth/revoke-api-token.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db }) => ({
	account: { name: user.name, email: user.email, role: roleName(user.role) },
	tokens: await listApiTokens(db, user.id)
}));

const ZCreateForm = () =>
	z.object({
		name: z
			.string()
			.default('')
			.refine((name) => ZApiTokenName.safeParse(name).success, m.auth_error_token_name())
	});

export const actions: Actions = {
	create: formAction({ roles: ALL_ROLES, schema: ZCreateForm }, async ({ user, db, input }) => {
		const created = await createApiToken(db, user, input.name);
		return { created: { name: created.name, token: created.token } };
	}),

	// Another user's token, or an id edited in the form: not found (404), and nothing changes.
	revoke: formAction({ roles: ALL_ROLES }, async ({ user, db, form }) => {
		const id = form.one('token');
		const token = (await listApiTokens(db, user.id)).find((t) => t.id === id);
		await revokeApiToken(db, user, id);
		return { revoked: m.auth_tokens_revoked_done({ name: token?.name ?? '' }) };
	})
};
