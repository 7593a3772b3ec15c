import { ZodError } from 'zod';

/** An error as one line for the terminal: zod issues by path, otherwise the message. */
export function describeError(error: unknown): string {
	if (error instanceof ZodError) {
		return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
	}
	return error instanceof Error ? error.message : String(error);
}
