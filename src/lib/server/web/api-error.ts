import { json } from '@sveltejs/kit';
import { errorStatus, isAppError } from '../app-error.ts';

/** A JSON API error: `{ error: { code, message, issues? } }` with its status. */
export function apiError(
	status: number,
	code: string,
	message: string,
	issues?: Array<{ parameter: string; message: string }>
): Response {
	return json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

/** Runs an API handler, answering a service's AppError as a JSON error (others propagate as 500). */
export async function orApiError(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (isAppError(error)) return apiError(errorStatus[error.code], error.code, error.message);
		throw error;
	}
}
