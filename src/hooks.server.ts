import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { errorStatus, isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { logger } from '#lib/server/logger.ts';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { defineCustomServerStrategy, isLocale } from '#lib/paraglide/runtime.js';

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
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.lang = locale;
		// A language picked with ?lang= sticks for the following pages.
		const picked = event.url.searchParams.get('lang');
		if (picked && isLocale(picked)) {
			event.cookies.set('lang', picked, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
		}
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	// Respondent links carry their token in the path: never send it to another site.
	headers.set('Referrer-Policy', 'no-referrer');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
	return response;
};

export const handle = sequence(securityHeaders, language);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (isAppError(error)) return { message: error.message, code: error.code, status: errorStatus[error.code] };
	if (status !== 404) logger.error({ err: error }, 'unhandled error');
	return { message };
};
