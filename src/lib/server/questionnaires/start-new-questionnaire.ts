import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { blankQuestionnaire } from '../../core/questionnaire/draft-edit.ts';
import { parseQuestionnaire } from '../../core/questionnaire/parse-questionnaire.ts';
import type { TDb } from '../db/client.ts';
import { builtInTemplateFile } from '../setup/load-built-ins.ts';
import type { TQuestionnaireDraft } from './get-questionnaire-draft.ts';
import { insertNewQuestionnaireDraft } from './insert-new-questionnaire-draft.ts';

export const ZNewQuestionnaire = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z][a-z0-9_-]{1,62}$/, 'use 2–63 lower-case letters, digits, _ and -, starting with a letter'),
	title: z.string().trim().min(1).max(200),
	/** The built-in template's pages, questions, maturity model and key figures, or one empty page. */
	from: z.enum(['template', 'blank']).default('template')
});

/**
 * A new questionnaire, started as a draft of its version 1 under its own code and name, for the designer
 * to change: from the built-in template (its pages, questions, maturity model and key figures), or from
 * one page with one question (blankQuestionnaire). Refused when
 * the code is taken by a published questionnaire or by another draft (CONFLICT).
 */
export async function startNewQuestionnaire(
	db: TDb,
	input: z.input<typeof ZNewQuestionnaire> & { actor: string }
): Promise<TQuestionnaireDraft> {
	const { code, title, from } = ZNewQuestionnaire.parse(input);
	const definition = from === 'blank' ? blankQuestionnaire(code, title) : await fromTemplate(code, title);
	return insertNewQuestionnaireDraft(db, {
		code,
		definition,
		actor: input.actor,
		action: 'questionnaire.draft_create'
	});
}

async function fromTemplate(code: string, title: string): Promise<TQuestionnaire> {
	const template = parseQuestionnaire(JSON.parse(await readFile(builtInTemplateFile(), 'utf8')));
	if (!template.ok) throw new Error(`the built-in template is invalid: ${template.errors.join('; ')}`);
	return { ...template.questionnaire, code, version: 1, title: { sv: title } };
}
