import type { z } from 'zod';
import { type TQuestionnaire, ZQuestionnaire } from './definition.ts';

/** Validates a questionnaire definition; every error is `<path>: <message>`, e.g. `sections[0].questions[4].code: …`. */
export function parseQuestionnaire(
	input: unknown
): { ok: true; questionnaire: TQuestionnaire } | { ok: false; errors: string[] } {
	const result = ZQuestionnaire.safeParse(input);
	if (result.success) return { ok: true, questionnaire: result.data };
	return { ok: false, errors: result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

/** `['sections', 0, 'code']` → `sections[0].code`. */
export function formatPath(path: z.core.$ZodIssue['path']): string {
	if (path.length === 0) return '(root)';
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}
