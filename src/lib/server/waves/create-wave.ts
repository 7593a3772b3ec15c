import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { slugify } from '../../core/wave/slugify.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { organisations, questionnaires, questionnaireVersions, waves } from '../db/schema.ts';

export const ZCreateWave = z.object({
	questionnaireCode: z.string().min(1),
	/** Defaults to the newest published version. */
	questionnaireVersion: z.number().int().min(1).optional(),
	name: z.string().trim().min(1).max(200),
	slug: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'use 2–63 lower-case letters, digits and hyphens')
		.optional(),
	period: z.string().trim().max(100).optional(),
	mode: z.enum(['invite', 'open']).default('invite'),
	minGroupSize: z.number().int().min(1).max(1000).default(5),
	/** Keep no link between a participant and their response (only "has completed"). */
	anonymous: z.boolean().default(false),
	/** Last day to answer, as a date (YYYY-MM-DD). */
	deadline: z.iso.date().optional(),
	/** Who the invitations are from. */
	senderName: z.string().trim().max(200).optional(),
	/** Official code of the organisation running the wave; defaults to the built-in region. */
	ownerCode: z.string().default('25')
});
export type CreateWaveOptions = z.input<typeof ZCreateWave>;

/** Creates a wave (a draft) of a published questionnaire version, and records who did it. */
export async function createWave(db: TDb, options: CreateWaveOptions, actor = 'cli') {
	const input = ZCreateWave.parse(options);
	const [version] = await db
		.select({ id: questionnaireVersions.id, version: questionnaireVersions.version })
		.from(questionnaireVersions)
		.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
		.where(eq(questionnaires.code, input.questionnaireCode))
		.orderBy(desc(questionnaireVersions.version));
	if (!version) throw new AppError('NOT_FOUND', `No questionnaire with code "${input.questionnaireCode}"`);
	let versionId = version.id;
	if (input.questionnaireVersion !== undefined && input.questionnaireVersion !== version.version) {
		const all = await db
			.select({ id: questionnaireVersions.id, version: questionnaireVersions.version })
			.from(questionnaireVersions)
			.innerJoin(questionnaires, eq(questionnaires.id, questionnaireVersions.questionnaireId))
			.where(eq(questionnaires.code, input.questionnaireCode));
		const chosen = all.find((v) => v.version === input.questionnaireVersion);
		if (!chosen) {
			throw new AppError(
				'NOT_FOUND',
				`"${input.questionnaireCode}" has no version ${input.questionnaireVersion}`
			);
		}
		versionId = chosen.id;
	}
	const [owner] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(eq(organisations.code, input.ownerCode));
	if (!owner) throw new AppError('NOT_FOUND', `No organisation with code "${input.ownerCode}"`);
	const slug = input.slug ?? slugify(input.name);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(waves)
			.values({
				questionnaireVersionId: versionId,
				ownerOrganisationId: owner.id,
				name: input.name,
				slug,
				period: input.period,
				mode: input.mode,
				minGroupSize: input.minGroupSize,
				anonymous: input.anonymous,
				deadline: input.deadline,
				senderName: input.senderName || null
			})
			.onConflictDoNothing({ target: waves.slug })
			.returning();
		if (!row) throw new AppError('CONFLICT', `A wave with the slug "${slug}" already exists`);
		await recordAudit(tx, {
			actor,
			action: 'wave.create',
			subject: row.slug,
			details: { mode: row.mode, anonymous: row.anonymous, minGroupSize: row.minGroupSize }
		});
		return row;
	});
}
