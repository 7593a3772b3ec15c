import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import { anyUserExists } from '#lib/server/auth/any-user-exists.ts';
import { createSession } from '#lib/server/auth/create-session.ts';
import { signIn } from '#lib/server/auth/sign-in.ts';
import { clientAddress } from '#lib/server/web/client-address.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { retryTime } from '#lib/server/web/retry-time.ts';
import { safeNext } from '#lib/server/web/safe-next.ts';
import { setSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ user, db, event }) => {
	const next = safeNext(event.url.searchParams.get('next'));
	if (user) redirect(303, next);
	return {
		next,
		signedOut: event.url.searchParams.has('signed-out'),
		setupNeeded: !(await anyUserExists(db))
	};
});

const ZSignInForm = () =>
	z.object({
		email: z
			.string()
			.default('')
			.transform((e) => e.trim().slice(0, 320))
			.pipe(z.string().min(1, m.auth_error_email_required())),
		password: z.string().default('').pipe(z.string().min(1, m.auth_error_password_required())),
		next: z.string().optional()
	});

export const actions: Actions = {
	default: formAction({ roles: 'public', schema: ZSignInForm }, async ({ db, input, event }) => {
		const { email, password } = input;
		const result = await signIn(db, { email, password, address: clientAddress(event) });
		const refuse = (status: number, field: string, message: string) =>
			fail(status, { error: message, errors: [{ field, message }], values: { email } });
		if (!result.ok && result.reason === 'blocked')
			return refuse(429, '', m.auth_error_blocked(retryTime(result.retryAt)));
		if (!result.ok) return refuse(400, 'email', m.auth_error_invalid());
		const session = await createSession(db, result.user.id);
		setSessionCookie(event.cookies, session.token, event.url);
		redirect(303, safeNext(input.next));
	})
};
