/**
 * Where to go after signing in: a path on this site taken from `?next=`, or `fallback`. Anything that
 * could leave the site (`//host`, `/\host`, a scheme, control characters) gives the fallback.
 */
export function safeNext(next: string | null | undefined, fallback = '/admin'): string {
	if (!next?.startsWith('/') || next.startsWith('//') || /[\\\p{Cc}]/u.test(next)) return fallback;
	try {
		const base = 'http://same.invalid';
		const url = new URL(next, base);
		return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
	} catch {
		return fallback;
	}
}
