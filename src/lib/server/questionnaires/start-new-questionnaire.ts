import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { blankQuestionnaire } from '../../core/questionnaire/draft-edit.ts';
import { parseQuestionnaire } from '../../core/questionnaire/parse-questionnaire.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { questionnaireDrafts, questionnaires } from '../db/schema.ts';
import { builtInTemplateFile } from '../setup/load-built-ins.ts';
import { getQuestionnaireDraft, type TQuestionnaireDraft } from './get-questionnaire-draft.ts';

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
	const [published] = await db
		.select({ id: questionnaires.id })
		.from(questionnaires)
		.where(eq(questionnaires.code, code));
	if (published)
		throw new AppError(
			'CONFLICT',
			`A questionnaire "${code}" is already published; write its next version instead`
		);
	const definition = from === 'blank' ? blankQuestionnaire(code, title) : await fromTemplate(code, title);
	const created = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(questionnaireDrafts)
			.values({ code, baseVersion: null, definition, updatedBy: input.actor })
			.onConflictDoNothing({ target: questionnaireDrafts.code })
			.returning({ id: questionnaireDrafts.id });
		if (row)
			await recordAudit(tx, {
				actor: input.actor,
				action: 'questionnaire.draft_create',
				subject: `${code} v1`
			});
		return Boolean(row);
	});
	if (!created) throw new AppError('CONFLICT', `Someone is already writing a questionnaire "${code}"`);
	const draft = await getQuestionnaireDraft(db, code);
	if (!draft) throw new Error('questionnaire draft missing after insert');
	return draft;
}

async function fromTemplate(code: string, title: string): Promise<TQuestionnaire> {
	const template = parseQuestionnaire(JSON.parse(await readFile(builtInTemplateFile(), 'utf8')));
	if (!template.ok) throw new Error(`the built-in template is invalid: ${template.errors.join('; ')}`);
	return { ...template.questionnaire, code, version: 1, title: { sv: title } };
}
