/** Error codes services throw; `hooks.server.ts` and the CLI map them to HTTP statuses and exit codes. */
export const errorStatus = {
	NOT_FOUND: 404,
	INVALID_INPUT: 400,
	CONFLICT: 409,
	WAVE_CLOSED: 410,
	RESPONSE_COMPLETE: 409,
	FORBIDDEN: 403,
	/** The selection is a group the small-group rule hides. */
	SMALL_GROUP: 403,
	DATABASE_IN_USE: 503
} as const;
export type TErrorCode = keyof typeof errorStatus;

/** A failure the user can act on; the message is shown as it is. */
export class AppError extends Error {
	readonly code: TErrorCode;
	readonly details?: unknown;
	constructor(code: TErrorCode, message: string, details?: unknown) {
		super(message);
		this.name = 'AppError';
		this.code = code;
		this.details = details;
	}
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
