import { json } from '@sveltejs/kit';

/** The code of an API error when whoever refused gave none. */
const codeForStatus: Record<number, string> = {
	400: 'INVALID_INPUT',
	401: 'UNAUTHENTICATED',
	403: 'FORBIDDEN',
	404: 'NOT_FOUND',
	405: 'METHOD_NOT_ALLOWED',
	413: 'PAYLOAD_TOO_LARGE',
	415: 'UNSUPPORTED_MEDIA_TYPE',
	429: 'TOO_MANY_REQUESTS',
	503: 'DATABASE_UNAVAILABLE'
};

/** The API's code for a status: `INTERNAL_ERROR` for a status without its own. */
export const apiErrorCode = (status: number): string =>
	codeForStatus[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_INPUT');

/** A JSON API error: `{ error: { code, message, issues? } }` with its status (the document's `Error` schema). */
export function apiError(
	status: number,
	code: string,
	message: string,
	issues?: Array<{ parameter: string; message: string }>
): Response {
	return json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

const isApiErrorBody = (body: unknown): boolean => {
	const error = (body as { error?: unknown } | null)?.error as
		| { code?: unknown; message?: unknown }
		| undefined;
	return typeof error?.code === 'string' && typeof error.message === 'string';
};

/**
 * An error SvelteKit answered itself on an API path (no such route, a method the route lacks, an
 * unexpected error) as the API's JSON error; an `apiError` passes unchanged. SvelteKit's own JSON
 * (`{ message, code? }`) keeps its message and code, plain text its text.
 */
export async function asApiError(response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	const text = await response.clone().text();
	let message = response.statusText || `HTTP ${response.status}`;
	let code = apiErrorCode(response.status);
	if (type.startsWith('application/json') && text.startsWith('{')) {
		const body = JSON.parse(text) as { message?: unknown; code?: unknown };
		if (isApiErrorBody(body)) return response;
		if (typeof body.message === 'string') message = body.message;
		if (typeof body.code === 'string') code = body.code;
	} else if (type.startsWith('text/plain') && text.trim() !== '') {
		message = text.trim();
	}
	const answer = apiError(response.status, code, message);
	for (const name of ['allow', 'retry-after']) {
		const value = response.headers.get(name);
		if (value) answer.headers.set(name, value);
	}
	return answer;
}
