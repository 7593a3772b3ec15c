import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/create-session.ts';

/**
 * Puts a session token in the browser: HttpOnly, SameSite=Lax, for the whole site, Secure when the site is
 * reached over HTTPS (behind a proxy, ORIGIN says so). A browser session cookie: the server decides expiry.
 */
export function setSessionCookie(cookies: Cookies, token: string, url: URL): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
