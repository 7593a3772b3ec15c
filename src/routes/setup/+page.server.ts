import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { createFirstAdmin } from '#lib/server/auth/create-first-admin.ts';
import { createSession } from '#lib/server/auth/create-session.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { checkAccountForm } from '#lib/server/web/account-form.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { setSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// The page exists only until the first account does; afterwards it is not found, for everyone.
async function setupOpen() {
	const { db } = await getDatabase();
	if (await anyUserExists(db)) error(404, { message: m.not_found_title() });
	return db;
}

export const load: PageServerLoad = async () => {
	await setupOpen();
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const db = await setupOpen();
		const form = await readForm(request);
		if (!form.ok)
			return fail(form.status, { errors: [{ field: '', message: m.error_form_invalid() }], values: {} });
		const values = Object.fromEntries(form.entries);
		const kept = { name: values.name ?? '', email: values.email ?? '' };
		const errors = checkAccountForm(
			values,
			{
				nameRequired: m.auth_error_name_required(),
				emailInvalid: m.auth_error_email_invalid(),
				passwordShort: m.auth_error_password_short(),
				passwordMismatch: m.auth_error_password_mismatch()
			},
			{ repeat: true }
		);
		if (errors.length) return fail(400, { errors, values: kept });
		let user: Awaited<ReturnType<typeof createFirstAdmin>>;
		try {
			user = await createFirstAdmin(db, {
				name: kept.name,
				email: kept.email,
				password: values.password ?? ''
			});
		} catch (e) {
			// Someone else completed the setup a moment earlier.
			if (isAppError(e) && e.code === 'CONFLICT') error(404, { message: m.not_found_title() });
			throw e;
		}
		const session = await createSession(db, user.id);
		setSessionCookie(cookies, session.token, url);
		redirect(303, '/admin');
	}
};
