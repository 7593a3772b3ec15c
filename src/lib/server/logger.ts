import { pino } from 'pino';

/** The one logger: JSON lines on stdout, level from LOG_LEVEL. */
export const logger = pino({
	level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
	base: undefined
});
