import { hashToken } from '../tokens.ts';

/**
 * In an anonymous wave a response is found again only through this key, derived from the secret link
 * token. It differs from the participant's stored token hash, so the stored data cannot join the two.
 */
export function anonymousResponseKey(token: string): string {
	return hashToken(`response:${token}`);
}
