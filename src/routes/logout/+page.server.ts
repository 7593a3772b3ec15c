import { redirect } from '@sveltejs/kit';
import { recordAudit } from '#lib/server/audit/record-audit.ts';
import { SESSION_COOKIE } from '#lib/server/auth/create-session.ts';
import { deleteSession } from '#lib/server/auth/delete-session.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { clearSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// Opening /logout only offers the button: a link or an image elsewhere cannot sign anyone out.
export const load: PageServerLoad = pageLoad({ roles: 'public' }, ({ user }) => ({
	signedIn: user !== null
}));

export const actions: Actions = {
	default: formAction({ roles: 'public', body: 'none' }, async ({ user, db, event }) => {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			await deleteSession(db, token);
			if (user) await recordAudit(db, { actor: user.email, action: 'auth.sign_out', subject: user.email });
		}
		clearSessionCookie(event.cookies, event.url);
		redirect(303, '/login?signed-out');
	})
};
