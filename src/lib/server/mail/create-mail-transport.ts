import type { Transporter } from 'nodemailer';

export type TMailTransport = Transporter;

/**
 * A pooled SMTP transport for `SMTP_URL`, or null when none is configured (e-mail then stays in the
 * outbox). Timeouts stay well below a claimed message's lease, so a hung server cannot make two
 * processes send the same message. nodemailer is loaded only when SMTP is configured.
 */
export async function createMailTransport(smtpUrl: string | undefined): Promise<TMailTransport | null> {
	if (!smtpUrl) return null;
	const url = new URL(smtpUrl);
	const { default: nodemailer } = await import('nodemailer');
	return nodemailer.createTransport({
		host: url.hostname,
		port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
		secure: url.protocol === 'smtps:',
		auth: url.username
			? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
			: undefined,
		// STARTTLS is used when the server offers it; `?tls=off` talks plain SMTP to a local relay.
		ignoreTLS: url.searchParams.get('tls') === 'off',
		pool: true,
		// A message on a connection that closes is handed back to the queue, which counts the attempt and
		// waits before the next one, rather than resent at once by the pool.
		maxRequeues: 0,
		maxConnections: Number(url.searchParams.get('pool') ?? 4),
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 30_000
	});
}
