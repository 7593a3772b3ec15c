import { error } from '@sveltejs/kit';
import { errorStatus, isAppError } from '../app-error.ts';

/**
 * Runs a service call from a route: an AppError becomes an HTTP error page with its status and message,
 * anything else propagates to SvelteKit's error handling (logged, generic message).
 */
export async function orHttpError<T>(call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (e) {
		if (isAppError(e)) error(errorStatus[e.code], { message: e.message, code: e.code });
		throw e;
	}
}
