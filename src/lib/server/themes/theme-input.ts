import { z } from 'zod';
import { AppError } from '../app-error.ts';

/** A theme's name: trimmed, 1–120 characters, unique per question. */
export const ZThemeLabel = z
	.string()
	.trim()
	.min(1, 'Skriv ett namn på temat.')
	.max(120, 'Namnet får vara högst 120 tecken.');

/** Which free-text question of which wave. */
export const ZQuestionRef = z.object({
	waveSlug: z.string().min(1).max(100),
	questionCode: z.string().regex(/^[a-z][a-z0-9_]*$/)
});
export type TQuestionRef = z.infer<typeof ZQuestionRef>;

export const ZId = z.uuid();

/** Parses a service's input, turning a validation failure into an AppError the user can act on. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
	const result = schema.safeParse(input);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new AppError('INVALID_INPUT', issue?.message ?? 'Ogiltiga uppgifter.', result.error.issues);
	}
	return result.data;
}
