import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('where to go after signing in', () => {
	it.each([
		['/admin', '/admin'],
		['/admin/waves/kommuner-2026/results?org=x#q1', '/admin/waves/kommuner-2026/results?org=x#q1'],
		['/admin/users/../audit', '/admin/audit'],
		['/admin/%2F%2Fevil.com', '/admin/%2F%2Fevil.com']
	])('keeps the staff path %s', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});

	it.each([
		null,
		undefined,
		'',
		'//evil.com',
		'///evil.com',
		'/\\evil.com',
		'/\\/evil.com',
		'\\\\evil.com',
		'https://evil.com',
		'http:evil.com',
		'javascript:alert(1)',
		'/x/..//evil.com',
		'/admin/..//evil.com',
		'/admin/../..//evil.com/admin',
		'/./..//evil.com',
		'/%2F%2Fevil.com',
		'/%2f/evil.com',
		'/%5Cevil.com',
		'/%09/evil.com',
		'/\t/evil.com',
		'/\n/evil.com',
		'/ /evil.com',
		'/admin\\..\\..\\/evil.com',
		'/administrator',
		'/admin%2F..%2F..%2F%2Fevil.com',
		'/login',
		'/s/abc',
		'/api/v1/waves',
		'evil.com',
		'.//evil.com'
	])('falls back to /admin for %j', (next) => {
		expect(safeNext(next)).toBe('/admin');
	});
});
