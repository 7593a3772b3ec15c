import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

const from = (headers: Record<string, string>) => ({
	request: new Request('http://app.invalid/login', { headers }),
	getClientAddress: () => '10.0.0.1'
});
const behind = (depth: number) => ({ CLIENT_ADDRESS_HEADER: 'X-Forwarded-For', TRUSTED_PROXY_DEPTH: depth });

describe("a request's client address", () => {
	it('is the connection when no proxy header is configured, whatever the client sends', () => {
		const settings = { CLIENT_ADDRESS_HEADER: undefined, TRUSTED_PROXY_DEPTH: 1 };
		expect(clientAddress(from({ 'x-forwarded-for': '203.0.113.9' }), settings)).toBe('10.0.0.1');
	});

	it('is the entry the trusted proxies appended, not what the client put in front', () => {
		expect(clientAddress(from({ 'x-forwarded-for': '203.0.113.9' }), behind(1))).toBe('203.0.113.9');
		expect(clientAddress(from({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.9' }), behind(1))).toBe(
			'203.0.113.9'
		);
		// Two proxies: the outer one appended the client, the inner one appended the outer proxy.
		expect(clientAddress(from({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.1.1.1' }), behind(2))).toBe(
			'203.0.113.9'
		);
	});

	it('is the connection when the header is missing or has fewer entries than proxies', () => {
		expect(clientAddress(from({}), behind(1))).toBe('10.0.0.1');
		expect(clientAddress(from({ 'x-forwarded-for': '203.0.113.9' }), behind(2))).toBe('10.0.0.1');
	});

	it('is the whole value of a single-address header', () => {
		const settings = { CLIENT_ADDRESS_HEADER: 'X-Real-IP', TRUSTED_PROXY_DEPTH: 1 };
		expect(clientAddress(from({ 'x-real-ip': ' 203.0.113.9 ' }), settings)).toBe('203.0.113.9');
	});
});
