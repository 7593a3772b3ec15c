import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
	to: string[];
	messageId: string;
	subject: string;
	/** The decoded plain-text body. */
	text: string;
}

export interface SmtpPeer {
	port: number;
	/** `SMTP_URL` for the app. */
	url: string;
	received: ReceivedMail[];
	/** Stops listening and drops the open connections (the server went away). */
	stop: () => Promise<void>;
	/** Listens again on the same port. */
	start: () => Promise<void>;
}

/** Decides per recipient: null accepts, a number (421, 550, …) rejects with that code. */
export type RecipientPolicy = (address: string, attempt: number) => number | null;

/**
 * A real SMTP server on a loopback port that records every message it accepts (the test's mailbox).
 * `policy` can refuse recipients with temporary (4xx) or permanent (5xx) codes.
 */
export async function startSmtpPeer(
	options: { policy?: RecipientPolicy; onAccepted?: (mail: ReceivedMail) => void } = {}
): Promise<SmtpPeer> {
	const received: ReceivedMail[] = [];
	const attempts = new Map<string, number>();
	let server: SMTPServer;
	let port = 0;
	const create = () =>
		new SMTPServer({
			disabledCommands: ['STARTTLS', 'AUTH'],
			logger: false,
			closeTimeout: 50,
			size: 1024 * 1024,
			onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback) {
				const n = (attempts.get(address.address) ?? 0) + 1;
				attempts.set(address.address, n);
				const code = options.policy?.(address.address, n) ?? null;
				if (code === null) return callback();
				const error = Object.assign(new Error(`${code === 550 ? 'No such user' : 'Try again later'}`), {
					responseCode: code
				});
				callback(error);
			},
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (c: Buffer) => chunks.push(c));
				stream.on('end', () => {
					const mail = parseMail(
						Buffer.concat(chunks).toString('utf8'),
						session.envelope.rcptTo.map((r) => r.address)
					);
					received.push(mail);
					callback();
					options.onAccepted?.(mail);
				});
			}
		});
	const listen = () =>
		new Promise<void>((resolve, reject) => {
			server = create();
			server.server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				const address = server.server.address();
				if (typeof address === 'object' && address) port = address.port;
				resolve();
			});
		});
	await listen();
	return {
		get port() {
			return port;
		},
		get url() {
			return `smtp://127.0.0.1:${port}`;
		},
		received,
		stop: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
			}),
		start: listen
	};
}

function parseMail(raw: string, to: string[]): ReceivedMail {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const body = raw.slice(split + 4);
	const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
	const encoding = header('Content-Transfer-Encoding').toLowerCase();
	const text =
		encoding === 'quoted-printable'
			? decodeQuotedPrintable(body)
			: encoding === 'base64'
				? Buffer.from(body, 'base64').toString('utf8')
				: body;
	return {
		to,
		messageId: header('Message-ID'),
		subject: decodeWords(header('Subject')),
		text: text.replace(/\r\n/g, '\n')
	};
}

function decodeQuotedPrintable(text: string): string {
	const joined = text.replace(/=\r\n/g, '');
	const bytes: number[] = [];
	for (let i = 0; i < joined.length; i++) {
		const c = joined[i];
		if (c === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
			bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(c ?? '', 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

// RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) in a header.
function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
			kind.toLowerCase() === 'b'
				? Buffer.from(data, 'base64').toString('utf8')
				: decodeQuotedPrintable(data.replace(/_/g, ' '))
		);
}
