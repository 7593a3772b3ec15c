import { json } from '@sveltejs/kit';

/** A JSON API error: `{ error: { code, message, issues? } }` with its status. */
export function apiError(
	status: number,
	code: string,
	message: string,
	issues?: Array<{ parameter: string; message: string }>
): Response {
	return json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}
