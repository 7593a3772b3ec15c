/** The staff paths a sign-in may return to. */
const STAFF_PATHS = ['/admin'];

/**
 * Where to go after signing in: a staff path on this site taken from `?next=`, or `fallback`. The value is
 * resolved as a browser would (dot segments, backslashes, schemes) and only a same-origin result under a
 * staff path is kept, so nothing (`//host`, `/x/..//host`, `/\host`, `https://host`) can lead off the site.
 */
export function safeNext(next: string | null | undefined, fallback = '/admin'): string {
	if (!next?.startsWith('/') || /[\\\p{Cc}]/u.test(next)) return fallback;
	const base = 'http://same.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	const path = url.pathname;
	const staff = STAFF_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
	if (!staff || path.startsWith('//')) return fallback;
	return `${path}${url.search}${url.hash}`;
}
