import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../../tests/support/app-server.ts';
import { isDatabaseUnavailable } from './is-database-unavailable.ts';

const withCode = (code: string, message = 'failure') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
	it('recognises a refused connection as the driver reports it', async () => {
		const client = new pg.Client({ connectionString: `postgres://x@127.0.0.1:${await freePort()}/x` });
		const error = await client.connect().then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(Error);
		expect(isDatabaseUnavailable(error)).toBe(true);
	});

	it('recognises a cut connection, a server shutting down or starting, and connection exceptions', () => {
		for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
		}
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout'))).toBe(true);
		expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
	});

	it('looks through the error Drizzle wraps around the driver’s and through an AggregateError', () => {
		expect(isDatabaseUnavailable(new DrizzleQueryError('select 1', [], withCode('57P01')))).toBe(true);
		const both = Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {
			code: 'ECONNREFUSED'
		});
		expect(isDatabaseUnavailable(both)).toBe(true);
		expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
	});

	it('leaves every other error alone', () => {
		// unique_violation, syntax_error, serialization_failure, query_canceled, too_many_connections
		for (const code of ['23505', '42601', '40001', '57014', '53300', 'ENOENT']) {
			expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
		}
		expect(isDatabaseUnavailable(new DrizzleQueryError('select x', [], withCode('42703')))).toBe(false);
		expect(isDatabaseUnavailable(new Error('Something else'))).toBe(false);
		expect(isDatabaseUnavailable('ECONNRESET')).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
	});
});
