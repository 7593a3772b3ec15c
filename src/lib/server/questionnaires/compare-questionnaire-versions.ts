import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { compareVersions, type TQuestionComparison } from '../../core/questionnaire/compare-versions.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';
import { getQuestionnaireVersion } from './get-questionnaire-version.ts';

export const ZCompareVersionsOptions = z.object({
	code: z.string().min(1).max(100),
	/** The earlier version; by default the one before `to`. */
	from: z.coerce.number().int().min(1).optional(),
	/** The later version; by default the newest. */
	to: z.coerce.number().int().min(1).optional()
});
export type TCompareVersionsOptions = z.input<typeof ZCompareVersionsOptions>;

export interface TVersionComparison {
	code: string;
	title: string;
	/** Every published version of the questionnaire, oldest first. */
	versions: number[];
	from: TQuestionnaire;
	to: TQuestionnaire;
	questions: TQuestionComparison[];
}

/**
 * Two published versions of a questionnaire compared question by question (core/questionnaire/
 * compare-versions.ts): which questions waves of the two can be compared on, which are new and which
 * were dropped. Without versions named, the newest against the one before it.
 */
export async function compareQuestionnaireVersions(
	db: TDb,
	options: TCompareVersionsOptions
): Promise<TVersionComparison> {
	const input = ZCompareVersionsOptions.parse(options);
	const rows = await db
		.select({
			id: questionnaireVersions.id,
			version: questionnaireVersions.version,
			title: questionnaires.title
		})
		.from(questionnaireVersions)
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.where(eq(questionnaires.code, input.code))
		.orderBy(asc(questionnaireVersions.version));
	if (rows.length === 0) throw new AppError('NOT_FOUND', `No published questionnaire "${input.code}"`);
	const versions = rows.map((r) => r.version);
	const to = input.to ?? versions[versions.length - 1] ?? 1;
	const from = input.from ?? [...versions].reverse().find((v) => v < to) ?? to;
	const find = (version: number) => {
		const row = rows.find((r) => r.version === version);
		if (!row) throw new AppError('NOT_FOUND', `"${input.code}" has no published version ${version}`);
		return row;
	};
	const [before, after] = await Promise.all([
		getQuestionnaireVersion(db, find(from).id),
		getQuestionnaireVersion(db, find(to).id)
	]);
	return {
		code: input.code,
		title: rows[0]?.title ?? input.code,
		versions,
		from: before,
		to: after,
		questions: compareVersions(before, after)
	};
}
