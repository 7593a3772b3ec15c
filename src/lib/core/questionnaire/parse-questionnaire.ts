import type { z } from 'zod';
import { type TQuestionnaire, ZQuestionnaire } from './definition.ts';
import { explainQuestionnaireIssues } from './explain-questionnaire-issues.ts';

/**
 * Validates a questionnaire definition. With a language, every error is a sentence in it naming the
 * section, question and field (for people); without, `<path>: <message>`, e.g.
 * `sections[0].questions[4].code: …` (for developers' tests and logs).
 */
export function parseQuestionnaire(
	input: unknown,
	options: { lang?: 'sv' | 'en' } = {}
): { ok: true; questionnaire: TQuestionnaire } | { ok: false; errors: string[] } {
	const result = ZQuestionnaire.safeParse(input);
	if (result.success) return { ok: true, questionnaire: result.data };
	const { issues } = result.error;
	if (options.lang) return { ok: false, errors: explainQuestionnaireIssues(issues, input, options.lang) };
	return { ok: false, errors: issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

/** `['sections', 0, 'code']` → `sections[0].code`. */
export function formatPath(path: z.core.$ZodIssue['path']): string {
	if (path.length === 0) return '(root)';
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}
