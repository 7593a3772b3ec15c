import { m } from '../../paraglide/messages.js';
import { apiError } from './api-error.ts';

/** How long a client is asked to wait before trying again while the database is away (seconds). */
export const RETRY_AFTER_SECONDS = 10;

const isApi = (path: string) => path.startsWith('/api/');
const isStaff = (path: string) => path === '/admin' || path.startsWith('/admin/');

/** The error a page shows while the database is away: respondents are told their saved pages are kept. */
export function databaseUnavailableError(
	path: string,
	lang: 'sv' | 'en'
): { status: 503; message: string; code: 'DATABASE_UNAVAILABLE' } {
	const message = isStaff(path)
		? m.unavailable_staff_message({}, { locale: lang })
		: m.unavailable_message({}, { locale: lang });
	return { status: 503, message, code: 'DATABASE_UNAVAILABLE' };
}

/**
 * A 503 for a request that failed before any page could render (e.g. the session lookup): the JSON API's
 * error body, otherwise a short page that needs nothing from the database.
 */
export function databaseUnavailableResponse(path: string, lang: 'sv' | 'en'): Response {
	if (isApi(path)) return databaseUnavailableApiError();
	const { message } = databaseUnavailableError(path, lang);
	const title = m.unavailable_title({}, { locale: lang });
	const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – ${m.app_name({}, { locale: lang })}</title></head>
<body><main><h1>${title}</h1><p>${message}</p></main></body>
</html>
`;
	return new Response(html, {
		status: 503,
		headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(RETRY_AFTER_SECONDS) }
	});
}

/** The JSON API's 503 (its Error schema). */
export function databaseUnavailableApiError(): Response {
	const response = apiError(
		503,
		'DATABASE_UNAVAILABLE',
		'The database cannot be reached right now; try again in a moment.'
	);
	response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS));
	return response;
}
