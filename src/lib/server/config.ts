import { z } from 'zod';

const ZConfig = z.object({
	DATABASE_URL: z.string().url().optional(),
	MOGNAD_DATA_DIR: z.string().min(1).default('./data'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	ORIGIN: z.string().url().optional(),
	SMTP_URL: z.string().optional(),
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
