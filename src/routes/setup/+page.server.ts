import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { createFirstAdmin } from '#lib/server/auth/create-first-admin.ts';
import { createSession } from '#lib/server/auth/create-session.ts';
import { ZPassword } from '#lib/server/auth/create-user.ts';
import type { TDb } from '#lib/server/db/client.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { emailField, nameField } from '#lib/server/web/person-fields.ts';
import { setSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// The page exists only until the first account does; afterwards it is not found, for everyone.
async function setupOpen({ db }: { db: TDb }) {
	if (await anyUserExists(db)) error(404, { message: m.not_found_title() });
}

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async (context) => {
	await setupOpen(context);
	return {};
});

const ZSetupForm = () =>
	z
		.object({
			name: nameField(m.auth_error_name_required()),
			email: emailField(m.auth_error_email_invalid()),
			password: z
				.string()
				.default('')
				.refine((p) => ZPassword.safeParse(p).success, m.auth_error_password_short()),
			password2: z.string().default('')
		})
		.refine((v) => v.password === v.password2, {
			message: m.auth_error_password_mismatch(),
			path: ['password2']
		});

export const actions: Actions = {
	default: formAction(
		{
			roles: 'public',
			schema: ZSetupForm,
			guard: setupOpen,
			// Someone else completed the setup a moment earlier.
			refusal: (e) => (e.code === 'CONFLICT' ? error(404, { message: m.not_found_title() }) : undefined)
		},
		async ({ db, input, event }) => {
			const user = await createFirstAdmin(db, {
				name: input.name,
				email: input.email,
				password: input.password
			});
			const session = await createSession(db, user.id);
			setSessionCookie(event.cookies, session.token, event.url);
			redirect(303, '/admin');
		}
	)
};
