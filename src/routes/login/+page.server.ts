import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { createSession } from '#lib/server/auth/create-session.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { clientAddress } from '#lib/server/web/client-address.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { retryTime } from '#lib/server/web/retry-time.ts';
import { safeNext } from '#lib/server/web/safe-next.ts';
import { setSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	const { db } = await getDatabase();
	return { next, signedOut: url.searchParams.has('signed-out'), setupNeeded: !(await anyUserExists(db)) };
};

type TField = 'email' | 'password' | '';

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url } = event;
		const form = await readForm(request);
		if (!form.ok)
			return fail(form.status, {
				errors: [{ field: '' as TField, message: m.error_form_invalid() }],
				email: ''
			});
		const values = Object.fromEntries(form.entries);
		const email = (values.email ?? '').trim().slice(0, 320);
		const password = values.password ?? '';
		const errors: Array<{ field: TField; message: string }> = [];
		if (!email) errors.push({ field: 'email', message: m.auth_error_email_required() });
		if (!password) errors.push({ field: 'password', message: m.auth_error_password_required() });
		if (errors.length) return fail(400, { errors, email });

		const { db } = await getDatabase();
		const result = await signIn(db, { email, password, address: clientAddress(event) });
		if (!result.ok && result.reason === 'blocked') {
			const message = m.auth_error_blocked(retryTime(result.retryAt));
			return fail(429, { errors: [{ field: '' as TField, message }], email });
		}
		if (!result.ok) {
			return fail(400, { errors: [{ field: 'email' as TField, message: m.auth_error_invalid() }], email });
		}
		const session = await createSession(db, result.user.id);
		setSessionCookie(cookies, session.token, url);
		redirect(303, safeNext(values.next));
	}
};
