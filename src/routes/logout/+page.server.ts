import { redirect } from '@sveltejs/kit';
import { recordAudit } from '#lib/server/audit/record-audit.ts';
import { SESSION_COOKIE } from '#lib/server/auth/create-session.ts';
import { deleteSession } from '#lib/server/auth/delete-session.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { clearSessionCookie } from '#lib/server/web/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

// Opening /logout only offers the button: a link or an image elsewhere cannot sign anyone out.
export const load: PageServerLoad = ({ locals }) => ({ signedIn: locals.user !== null });

export const actions: Actions = {
	default: async ({ cookies, locals, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) {
			const { db } = await getDatabase();
			await deleteSession(db, token);
			if (locals.user)
				await recordAudit(db, {
					actor: locals.user.email,
					action: 'auth.sign_out',
					subject: locals.user.email
				});
		}
		clearSessionCookie(cookies, url);
		redirect(303, '/login?signed-out');
	}
};
