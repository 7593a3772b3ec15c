import { and, eq, inArray } from 'drizzle-orm';
import { rowsToAnswers } from '../../core/questionnaire/answer.ts';
import { missingRequired } from '../../core/questionnaire/missing-required.ts';
import { pruneHidden } from '../../core/questionnaire/visibility.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { answers, participants, responses } from '../db/schema.ts';
import { loadAnswerRows } from './load-answer-rows.ts';
import type { TRespondent } from './resolve-respondent.ts';
import { assertOpen } from './save-section.ts';

export type SubmitResult =
	| { status: 'submitted' | 'already-submitted' }
	| { status: 'incomplete'; missing: string[] };

/**
 * Marks a response complete. Answers to questions that ended up hidden are removed, so they never count.
 * Submitting twice (a double click, a retried request) is answered as a success and stores nothing new.
 * The participant is marked as having completed, in the same transaction.
 */
export async function submitResponse(db: TDb, respondent: TRespondent): Promise<SubmitResult> {
	if (respondent.completed) return { status: 'already-submitted' };
	assertOpen(respondent);
	const responseId = respondent.response?.id;
	if (!responseId) throw new AppError('INVALID_INPUT', 'Inga svar är sparade ännu.');
	return db.transaction(async (tx) => {
		const [locked] = await tx
			.select({ status: responses.status })
			.from(responses)
			.where(eq(responses.id, responseId))
			.for('update');
		if (!locked) throw new AppError('NOT_FOUND', 'Svaret finns inte.');
		if (locked.status === 'complete') return { status: 'already-submitted' as const };
		const { questionnaire, mode } = respondent;
		const all = rowsToAnswers(questionnaire, await loadAnswerRows(tx, responseId));
		const kept = pruneHidden(questionnaire, all, mode);
		const missing = missingRequired(questionnaire, kept, mode);
		if (missing.length > 0) return { status: 'incomplete' as const, missing };
		const hidden = Object.keys(all).filter((code) => !(code in kept));
		if (hidden.length > 0) {
			await tx
				.delete(answers)
				.where(and(eq(answers.responseId, responseId), inArray(answers.questionCode, hidden)));
		}
		await tx
			.update(responses)
			.set({ status: 'complete', submittedAt: new Date(), updatedAt: new Date(), currentSection: null })
			.where(eq(responses.id, responseId));
		// Set in every wave, so reminders read one flag; in an anonymous wave it is the only trace.
		if (respondent.participant) {
			await tx
				.update(participants)
				.set({ hasCompleted: true })
				.where(eq(participants.id, respondent.participant.id));
		}
		return { status: 'submitted' as const };
	});
}
