import { redirect } from '@sveltejs/kit';
import { type Handle, type HandleServerError, type ServerInit, sequence } from '@sveltejs/kit/hooks';
import { LANGUAGE_PATTERN } from '#lib/core/questionnaire/definition.ts';
import { defineCustomServerStrategy, isLocale } from '#lib/paraglide/runtime.js';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { errorStatus, isAppError } from '#lib/server/app-error.ts';
import { SESSION_COOKIE } from '#lib/server/auth/create-session.ts';
import { resolveApiToken } from '#lib/server/auth/resolve-api-token.ts';
import { resolveSession } from '#lib/server/auth/resolve-session.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { isDatabaseUnavailable } from '#lib/server/db/is-database-unavailable.ts';
import { logger } from '#lib/server/logger.ts';
import { asApiError } from '#lib/server/web/api-error.ts';
import {
	databaseUnavailableApiError,
	databaseUnavailableError,
	databaseUnavailableResponse,
	RETRY_AFTER_SECONDS
} from '#lib/server/web/database-unavailable.ts';
import { TEXT_LANG_COOKIE } from '#lib/server/web/questionnaire-lang.ts';

// PGlite has one connection: open and migrate the database before the first request, not during it.
export const init: ServerInit = async () => {
	await getDatabase();
};

defineCustomServerStrategy('custom-query', {
	getLocale: (request) => {
		const lang = request ? new URL(request.url).searchParams.get('lang') : null;
		return lang && isLocale(lang) ? lang : undefined;
	}
});

const language: Handle = ({ event, resolve }) =>
	// No URL-based locale strategy is configured, so the request passes through unchanged.
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.lang = locale;
		// A language picked with ?lang= sticks for the following pages. The app's own words are Swedish or
		// English; a questionnaire may also be offered in others (?lang=fi), whose texts the respondent pages
		// then show beside the app's words in the language the visitor had.
		const picked = event.url.searchParams.get('lang');
		const cookie = { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 } as const;
		if (picked && isLocale(picked)) {
			event.cookies.set('lang', picked, cookie);
			event.cookies.delete(TEXT_LANG_COOKIE, { path: '/' });
			event.locals.textLang = picked;
		} else if (picked && LANGUAGE_PATTERN.test(picked)) {
			event.cookies.set(TEXT_LANG_COOKIE, picked, cookie);
			event.locals.textLang = picked;
		} else {
			const kept = event.cookies.get(TEXT_LANG_COOKIE);
			event.locals.textLang = kept && LANGUAGE_PATTERN.test(kept) ? kept : locale;
		}
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	// Respondent links carry their token in the path: never send it to another site. Not 'no-referrer':
	// with it browsers send `Origin: null` on form posts, which the CSRF check refuses.
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
	// Respondent links are personal or meant for one audience: keep them out of search engines.
	if (/^\/(s|o)\//.test(event.url.pathname)) headers.set('X-Robots-Tag', 'noindex, nofollow');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
};

// While the database cannot be reached (a restart, a failover) requests answer 503 with Retry-After, not
// 500, and the process keeps serving: a respondent posts the page again later and finds the pages saved
// before. handleError marks a request whose page or endpoint failed so; a failure before any page renders
// (the session lookup) is caught here.
const databaseOutage: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		logger.warn({ err: error, path: event.url.pathname }, 'database unavailable');
		return databaseUnavailableResponse(event.url.pathname, event.locals.lang);
	}
	if (!event.locals.databaseUnavailable) return response;
	if (event.url.pathname.startsWith('/api/')) return databaseUnavailableApiError();
	response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
	return response;
};

// The JSON API's endpoints answer their errors with its JSON error (the endpoint wrapper); what SvelteKit
// answers itself on an API path (no such route, a method the route lacks, an unexpected error) gets the
// same body, so that every error a client of the API sees matches the document's Error schema.
const apiErrors: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status < 400 || !event.url.pathname.startsWith('/api/')) return response;
	return asApiError(response);
};

// Who is signed in: the session cookie, or on the JSON API a bearer token. Pages check roles themselves
// (requireRole); signed-out visitors to /admin are sent to sign in and brought back afterwards.
const authentication: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const { db } = await getDatabase();
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		event.locals.user = await resolveSession(db, token);
		if (!event.locals.user) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	}
	const bearer = /^Bearer\s+(\S+)$/i.exec(event.request.headers.get('authorization') ?? '')?.[1];
	if (bearer && event.url.pathname.startsWith('/api/v1/')) {
		event.locals.user = await resolveApiToken(db, bearer);
	}
	const path = event.url.pathname;
	if (!event.locals.user && (path === '/admin' || path.startsWith('/admin/'))) {
		redirect(303, `/login?next=${encodeURIComponent(path + event.url.search)}`);
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, language, databaseOutage, apiErrors, authentication);

// The one place where service errors become HTTP statuses: an AppError's message is meant for the user.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind !== 'unknown') return;
	if (isAppError(error)) return { status: errorStatus[error.code], message: error.message, code: error.code };
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		logger.warn({ err: error, path: event.url.pathname }, 'database unavailable');
		return databaseUnavailableError(event.url.pathname, event.locals.lang);
	}
	logger.error({ err: error, path: event.url.pathname }, 'unhandled error');
};
