import { isAppError } from '../app-error.ts';

/**
 * The engine's answer, or null when the small-group rule hides the selection (SMALL_GROUP): a page says
 * so instead of showing figures. Other errors propagate.
 */
export async function orHidden<T>(answer: Promise<T>): Promise<T | null> {
	try {
		return await answer;
	} catch (e) {
		if (isAppError(e) && e.code === 'SMALL_GROUP') return null;
		throw e;
	}
}
