import { eq, inArray, or } from 'drizzle-orm';
import { rowsToAnswers, type TAnswerMap } from '../../core/questionnaire/answer.ts';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import type { TDb } from '../db/client.ts';
import { participants, participantTokens, responses, waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { hashToken, TOKEN_PATTERN } from '../tokens.ts';
import { anonymousResponseKey } from './anonymous-response-key.ts';
import { loadAnswerRows } from './load-answer-rows.ts';
import { readOpenStart, type TOpenStart } from './open-start-pass.ts';

const NO_ID = '00000000-0000-0000-0000-000000000000';

export interface TRespondent {
	token: string;
	wave: typeof waves.$inferSelect;
	questionnaire: TQuestionnaire;
	mode: 'invite' | 'open';
	participant: {
		id: string;
		organisationId: string | null;
		title: string | null;
		optedOutAt: Date | null;
	} | null;
	response: typeof responses.$inferSelect | null;
	/** An open-link start whose first page is not saved yet: what the respondent chose on the start page. */
	openStart: Pick<TOpenStart, 'organisationId' | 'roleGroup' | 'role'> | null;
	/** Submitted: the response is complete, or the participant has completed (an anonymous wave's only trace). */
	completed: boolean;
	answers: TAnswerMap;
}

export interface ResolveRespondentOptions {
	/** The signed start an open-link respondent's browser holds until the first page is saved. */
	openStart?: string;
}

/**
 * Finds who a respondent link belongs to: an invited participant's personal token (the first one, or a
 * further one minted for an e-mail), the resume token of an open-link response, or an open-link start not
 * saved yet (only with its signed start, and never for a token that is already someone's). Every lookup
 * always runs, so an unknown token costs the same as a known one.
 */
export async function resolveRespondent(
	db: TDb,
	token: string,
	options: ResolveRespondentOptions = {}
): Promise<TRespondent | null> {
	const wellFormed = TOKEN_PATTERN.test(token) ? token : `invalid:${token}`;
	const hash = hashToken(wellFormed);
	const [further] = await db
		.select({ participantId: participantTokens.participantId })
		.from(participantTokens)
		.where(eq(participantTokens.tokenHash, hash));
	const [byParticipant] = await db
		.select({ participant: participants, response: responses })
		.from(participants)
		.leftJoin(responses, eq(responses.participantId, participants.id))
		.where(or(eq(participants.tokenHash, hash), eq(participants.id, further?.participantId ?? NO_ID)));
	// An anonymous wave's response is not linked to its participant: it is found through a key derived
	// from the token (see anonymous-response-key.ts).
	const [byResume] = await db
		.select()
		.from(responses)
		.where(inArray(responses.resumeTokenHash, [hash, anonymousResponseKey(wellFormed)]));
	const response = byParticipant?.response ?? byResume ?? null;
	const started = byParticipant || byResume ? null : await readOpenStart(db, wellFormed, options.openStart);
	// An unknown token runs the same queries (on an id that matches nothing) as a known one, so the time a
	// page takes does not tell whether a token exists.
	const waveId = byParticipant?.participant.waveId ?? byResume?.waveId ?? started?.waveId ?? NO_ID;
	const [wave] = await db.select().from(waves).where(eq(waves.id, waveId));
	const rows = await loadAnswerRows(db, response?.id ?? NO_ID);
	if (!wave || (started && wave.mode !== 'open')) return null;
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const p = byParticipant?.participant;
	return {
		token,
		wave,
		questionnaire,
		mode: p ? 'invite' : 'open',
		participant: p
			? { id: p.id, organisationId: p.organisationId, title: p.title, optedOutAt: p.optedOutAt }
			: null,
		response,
		openStart: started
			? { organisationId: started.organisationId, roleGroup: started.roleGroup, role: started.role }
			: null,
		completed: response?.status === 'complete' || Boolean(p?.hasCompleted),
		answers: rowsToAnswers(questionnaire, rows)
	};
}
