import { z } from 'zod';

const ZConfig = z.object({
	DATABASE_URL: z.string().url().optional(),
	MOGNAD_DATA_DIR: z.string().min(1).default('./data'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	ORIGIN: z.string().url().optional(),
	/** smtp://user:pass@host:587 or smtps://…; unset: e-mail stays in the outbox for the admin to read. */
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\/\S+$/, 'use smtp://host:port or smtps://host:port')
		.optional(),
	/** The From of every e-mail, e.g. `Region Norrbotten <enkat@example.org>`. */
	MAIL_FROM: z.string().min(3).default('Mognad <noreply@localhost>'),
	/** Sending attempts per message before it is marked failed; the wait doubles after each one. */
	MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
	MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(60_000),
	/** How often each app process looks for due messages. */
	MAIL_POLL_MS: z.coerce.number().int().min(10).default(5_000),
	MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
	/**
	 * The header a reverse proxy puts the client's address in (`X-Forwarded-For`, or e.g. `X-Real-IP`);
	 * unset: the address of the connection. Used to throttle sign-ins and open-link starts per client.
	 */
	CLIENT_ADDRESS_HEADER: z
		.string()
		.regex(/^[A-Za-z0-9-]+$/)
		.optional(),
	/** Proxies in front of the app that append to X-Forwarded-For: the address that many from the end is the client. */
	TRUSTED_PROXY_DEPTH: z.coerce.number().int().min(1).max(10).default(1),
	/** Open-link starts allowed per client address within OPEN_START_WINDOW_MINUTES. */
	OPEN_START_LIMIT: z.coerce.number().int().min(1).default(30),
	OPEN_START_WINDOW_MINUTES: z.coerce.number().int().min(1).default(10),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});
export type TConfig = z.infer<typeof ZConfig>;

/** Reads configuration from the environment; every setting has a default that needs nothing installed. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
	const parsed = ZConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Invalid configuration ${issue?.path.join('.')}: ${issue?.message}`);
	}
	return parsed.data;
}

let cached: TConfig | undefined;

/** The process's configuration, read once. */
export function config(): TConfig {
	cached ??= readConfig();
	return cached;
}
