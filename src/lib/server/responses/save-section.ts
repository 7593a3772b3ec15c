import { eq, sql } from 'drizzle-orm';
import { answerTo, answerToRows, type TAnswerMap } from '../../core/questionnaire/answer.ts';
import type { TSection } from '../../core/questionnaire/definition.ts';
import { AppError } from '../app-error.ts';
import type { TDb, TTx } from '../db/client.ts';
import { participants, responses } from '../db/schema.ts';
import { hashToken } from '../tokens.ts';
import { anonymousResponseKey } from './anonymous-response-key.ts';
import type { TRespondent } from './resolve-respondent.ts';
import { ensureResponseRow, replaceAnswers } from './store-responses.ts';

export interface SaveSectionOptions {
	respondent: TRespondent;
	section: TSection;
	/** The valid answers posted for this page; questions of the page that are absent are cleared. */
	answers: TAnswerMap;
	/** The page to come back to when the link is opened again. */
	currentSection: string;
	lang: 'sv' | 'en';
}

/**
 * Stores one page of answers in one transaction: the page's previous answers are replaced, so saving the
 * same page twice (a retried request) leaves the same state.
 */
export async function saveSection(db: TDb, options: SaveSectionOptions): Promise<string> {
	const { respondent, section } = options;
	if (respondent.completed) {
		throw new AppError('RESPONSE_COMPLETE', 'Svaret är redan inskickat och kan inte ändras.');
	}
	assertOpen(respondent);
	return db.transaction(async (tx) => {
		const responseId = await ensureResponse(tx, respondent, options.lang);
		const [locked] = await tx
			.select({ status: responses.status })
			.from(responses)
			.where(eq(responses.id, responseId))
			.for('update');
		if (locked?.status === 'complete') {
			throw new AppError('RESPONSE_COMPLETE', 'Svaret är redan inskickat och kan inte ändras.');
		}
		const rows = section.questions.flatMap((q) => {
			const answer = answerTo(options.answers, q.code);
			return answer ? answerToRows(q, answer) : [];
		});
		await replaceAnswers(
			tx,
			{ id: responseId, waveId: respondent.wave.id },
			section.questions.map((q) => q.code),
			rows
		);
		await tx
			.update(responses)
			.set({ currentSection: options.currentSection, updatedAt: new Date(), lang: options.lang })
			.where(eq(responses.id, responseId));
		return responseId;
	});
}

/** Refuses changes to a wave that is not open. */
export function assertOpen(respondent: TRespondent): void {
	if (respondent.wave.status !== 'open') throw new AppError('WAVE_CLOSED', 'Enkäten är inte öppen för svar.');
}

// An open-link response is created with its first saved page, from the start the respondent's browser
// holds; the unique hash of the token makes a double post one row.
async function createOpenResponse(tx: TTx, respondent: TRespondent, lang: 'sv' | 'en'): Promise<string> {
	const start = respondent.openStart;
	if (!start) throw new AppError('NOT_FOUND', 'Länken fungerar inte.');
	const row = await ensureResponseRow(
		tx,
		{
			waveId: respondent.wave.id,
			resumeTokenHash: hashToken(respondent.token),
			organisationId: start.organisationId,
			roleGroup: start.roleGroup,
			role: start.role,
			lang
		},
		'resumeTokenHash'
	);
	if (row.waveId !== respondent.wave.id) throw new Error('response missing after insert');
	return row.id;
}

// An invited participant's response is created on their first saved page, not when the link is merely
// opened (mail scanners open links too). The unique participant_id makes a concurrent double create one row;
// in an anonymous wave the unique key derived from the token does, and the participant is not stored.
async function ensureResponse(tx: TTx, respondent: TRespondent, lang: 'sv' | 'en'): Promise<string> {
	if (respondent.response) return respondent.response.id;
	const participant = respondent.participant;
	if (!participant) return createOpenResponse(tx, respondent, lang);
	const roleGroup = sql`(select ${participants.roleGroup} from ${participants} where ${participants.id} = ${participant.id})`;
	if (respondent.wave.anonymous) {
		// Only the unit and role group: a job title next to a small unit could name the person.
		const row = await ensureResponseRow(
			tx,
			{
				waveId: respondent.wave.id,
				resumeTokenHash: anonymousResponseKey(respondent.token),
				organisationId: participant.organisationId,
				roleGroup,
				lang
			},
			'resumeTokenHash'
		);
		return row.id;
	}
	const row = await ensureResponseRow(
		tx,
		{
			waveId: respondent.wave.id,
			participantId: participant.id,
			organisationId: participant.organisationId,
			role: participant.title,
			roleGroup,
			lang
		},
		'participantId'
	);
	return row.id;
}
