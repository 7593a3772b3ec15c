import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { familyIssues } from '../../core/questionnaire/compare-versions.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { explainQuestionnaireIssues } from '../../core/questionnaire/explain-questionnaire-issues.ts';
import { parseQuestionnaire } from '../../core/questionnaire/parse-questionnaire.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { questionnaires, questionnaireVersions } from '../db/schema.ts';

export interface ImportQuestionnaireResult {
	questionnaire: TQuestionnaire;
	versionId: string;
	created: boolean;
}

/**
 * Validates a questionnaire definition and publishes it as an immutable version. Importing the same
 * definition again changes nothing; a different definition under a published code and version is refused,
 * and so is a question code that an earlier version of the questionnaire used for another type or scale.
 * With an `actor`, a new version is recorded in the audit log (in the same transaction). Errors are listed
 * in `lang` (English by default), each naming its section, question and field.
 */
export async function importQuestionnaire(
	db: TDb,
	input: unknown,
	options: { actor?: string; lang?: 'sv' | 'en' } = {}
): Promise<ImportQuestionnaireResult> {
	const parsed = parseQuestionnaire(input, { lang: options.lang ?? 'en' });
	if (!parsed.ok) {
		throw new AppError(
			'INVALID_INPUT',
			`${options.lang === 'sv' ? 'Enkäten har fel' : 'The questionnaire has errors'}:\n${parsed.errors.join('\n')}`,
			parsed.errors
		);
	}
	const definition = parsed.questionnaire;
	const checksum = createHash('sha256').update(JSON.stringify(definition)).digest('hex');
	return db.transaction(async (tx) => {
		await tx
			.insert(questionnaires)
			.values({ code: definition.code, title: definition.title.sv })
			.onConflictDoNothing({ target: questionnaires.code });
		const [owner] = await tx.select().from(questionnaires).where(eq(questionnaires.code, definition.code));
		if (!owner) throw new Error('questionnaire row missing after insert');
		// A question code keeps its meaning across the questionnaire's versions (compare-versions.ts).
		const published = await tx
			.select({ definition: questionnaireVersions.definition })
			.from(questionnaireVersions)
			.where(eq(questionnaireVersions.questionnaireId, owner.id));
		const family = familyIssues(
			definition,
			published.map((p) => p.definition as TQuestionnaire)
		);
		if (family.length > 0) {
			const errors = explainQuestionnaireIssues(family, input, options.lang ?? 'en');
			throw new AppError(
				'INVALID_INPUT',
				`${options.lang === 'sv' ? 'Enkäten har fel' : 'The questionnaire has errors'}:\n${errors.join('\n')}`,
				errors
			);
		}
		// Insert first and look only on conflict: two processes starting at once both land here.
		const [row] = await tx
			.insert(questionnaireVersions)
			.values({ questionnaireId: owner.id, version: definition.version, definition, checksum })
			.onConflictDoNothing()
			.returning({ id: questionnaireVersions.id });
		if (!row) {
			const [existing] = await tx
				.select()
				.from(questionnaireVersions)
				.where(
					and(
						eq(questionnaireVersions.questionnaireId, owner.id),
						eq(questionnaireVersions.version, definition.version)
					)
				);
			if (!existing) throw new Error('questionnaire version vanished');
			if (existing.checksum !== checksum) {
				throw new AppError(
					'CONFLICT',
					`Version ${definition.version} of "${definition.code}" is already published with other content; give the changed questionnaire a new version number`
				);
			}
			return { questionnaire: definition, versionId: existing.id, created: false };
		}
		await tx
			.update(questionnaires)
			.set({ title: definition.title.sv })
			.where(eq(questionnaires.id, owner.id));
		if (options.actor) {
			await recordAudit(tx, {
				actor: options.actor,
				action: 'questionnaire.import',
				subject: `${definition.code} v${definition.version}`
			});
		}
		return { questionnaire: definition, versionId: row.id, created: true };
	});
}
