import { and, eq, isNotNull } from 'drizzle-orm';
import type { TQuestion } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb, TTx } from '../db/client.ts';
import { answers, themes, waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import type { TQuestionRef } from './theme-input.ts';

export type TTextQuestion = Extract<TQuestion, { type: 'text' }>;

/** The wave and its free-text question, or NOT_FOUND. */
export async function findTextQuestion(db: TDb | TTx, ref: TQuestionRef) {
	const [wave] = await db.select().from(waves).where(eq(waves.slug, ref.waveSlug));
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${ref.waveSlug}"`);
	const questionnaire = await getQuestionnaireVersion(db as TDb, wave.questionnaireVersionId);
	const question = questionnaire.sections
		.flatMap((s) => s.questions)
		.find((q) => q.code === ref.questionCode);
	if (question?.type !== 'text') {
		throw new AppError('NOT_FOUND', `The wave has no free-text question "${ref.questionCode}"`);
	}
	return { wave, question };
}

/** A theme of this question of this wave (an id from elsewhere is not found), locked for the transaction. */
export async function findTheme(tx: TTx, waveId: string, questionCode: string, themeId: string) {
	const [theme] = await tx
		.select()
		.from(themes)
		.where(and(eq(themes.id, themeId), eq(themes.waveId, waveId), eq(themes.questionCode, questionCode)))
		.for('update');
	if (!theme)
		throw new AppError('NOT_FOUND', 'Temat finns inte (det kan ha tagits bort eller slagits ihop).');
	return theme;
}

/** Refuses a response that has no free-text answer to this question in this wave. */
export async function assertTextAnswer(
	db: TDb | TTx,
	waveId: string,
	questionCode: string,
	responseId: string
) {
	const [answer] = await db
		.select({ responseId: answers.responseId })
		.from(answers)
		.where(
			and(
				eq(answers.waveId, waveId),
				eq(answers.questionCode, questionCode),
				eq(answers.optionCode, ''),
				eq(answers.responseId, responseId),
				isNotNull(answers.valueText)
			)
		);
	if (!answer) throw new AppError('NOT_FOUND', 'Svaret finns inte på den här frågan.');
}
