import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { generateToken } from '../tokens.ts';
import { listWaveOrganisations } from '../waves/list-wave-organisations.ts';
import { signOpenStart } from './open-start-pass.ts';

export const ZStartOpenResponse = z.object({
	waveSlug: z.string().min(1),
	organisationId: z.uuid(),
	/** One of the questionnaire's role groups; none when it has none. */
	roleGroup: z.string().min(1).max(100).nullable().default(null),
	role: z.string().trim().max(200).optional(),
	lang: z.enum(['sv', 'en']).default('sv')
});
export type StartOpenResponseOptions = z.input<typeof ZStartOpenResponse>;

export interface TOpenResponseStart {
	/** The respondent's new link token (32 random bytes), always made here. */
	token: string;
	/** The signed start, for the respondent's browser (open-start-pass.ts). */
	pass: string;
}

/**
 * Starts an anonymous response on an open link, with the respondent's organisation and role. Nothing is
 * stored yet: the response row is created with the first saved page (save-section.ts).
 */
export async function startOpenResponse(
	db: TDb,
	options: StartOpenResponseOptions
): Promise<TOpenResponseStart> {
	const input = ZStartOpenResponse.parse(options);
	const [wave] = await db.select().from(waves).where(eq(waves.slug, input.waveSlug));
	if (wave?.mode !== 'open') throw new AppError('NOT_FOUND', 'Enkäten finns inte.');
	if (wave.status !== 'open') throw new AppError('WAVE_CLOSED', 'Enkäten är inte öppen för svar.');
	const allowed = await listWaveOrganisations(db, wave.ownerOrganisationId);
	const org = allowed.find((o) => o.id === input.organisationId);
	if (!org) throw new AppError('INVALID_INPUT', 'Välj en organisation i listan.');
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const chosen =
		questionnaire.roleGroups.length === 0
			? input.roleGroup === null
			: questionnaire.roleGroups.some((g) => g.code === input.roleGroup);
	if (!chosen) {
		throw new AppError('INVALID_INPUT', 'Välj en roll i listan.');
	}
	const token = generateToken();
	const pass = await signOpenStart(db, {
		token,
		waveId: wave.id,
		organisationId: org.id,
		roleGroup: input.roleGroup,
		role: input.role || null,
		lang: input.lang
	});
	return { token, pass };
}
