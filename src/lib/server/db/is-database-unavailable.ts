// Error codes of a connection that broke or could not be made: the socket's (Node) and the server's
// (SQLSTATE 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, class 08 connection
// exception).
const socketCodes = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH'
]);
const serverCodes = new Set(['57P01', '57P02', '57P03']);
// pg reports some connection failures by message only.
const messages = [
	/^Connection terminated/,
	/^Client has encountered a connection error and is not queryable/,
	/^timeout exceeded when trying to connect/
];

/**
 * Whether an error means the database cannot be reached right now (stopped, restarting, failing over, the
 * connection cut): such a request may succeed when repeated. Follows `cause` (Drizzle wraps the driver's
 * error) and the errors of an AggregateError (one per address tried).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (!(error instanceof Error) || depth > 5) return false;
	const code = (error as { code?: unknown }).code;
	if (typeof code === 'string') {
		if (socketCodes.has(code) || serverCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
	}
	if (messages.some((pattern) => pattern.test(error.message))) return true;
	if (error instanceof AggregateError && error.errors.some((e) => isDatabaseUnavailable(e, depth + 1))) {
		return true;
	}
	return isDatabaseUnavailable(error.cause, depth + 1);
}
