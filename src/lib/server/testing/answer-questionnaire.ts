import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { sectionOf } from '../../core/testing/questionnaires.ts';
import type { TDb } from '../db/client.ts';
import { type ResolveRespondentOptions, resolveRespondent } from '../responses/resolve-respondent.ts';
import { saveSection } from '../responses/save-section.ts';
import { type SubmitResult, submitResponse } from '../responses/submit-response.ts';

/** Answers to every required question of the built-in template, page by page. */
export const allRequiredAnswers: Record<string, TAnswerMap> = {
	behov: { behov: { kind: 'scale', value: 9 }, ledning_delar: { kind: 'single', option: 'ja' } },
	vision: {
		vision: { kind: 'single', option: 'ja' },
		medborgarbild: { kind: 'single', option: 'nej' },
		beslutskapacitet: { kind: 'single', option: 'nej' },
		beslutskapacitet_varfor: { kind: 'text', value: 'Resurser' }
	},
	formaga: { it_arv: { kind: 'single', option: 'nej' } },
	omvarld: {
		omvarld: { kind: 'single', option: 'ja' },
		drivande: { kind: 'multi', options: ['it', 'annat'], other: 'Skolan' }
	},
	kultur: { kultur: { kind: 'single', option: 'ja' }, kompetens: { kind: 'single', option: 'vet_ej' } }
};

/**
 * Saves the first page of the built-in template behind a link token (a started, partial response); an
 * open-link start not saved yet also needs its signed start (`openStart`).
 */
export async function startAnswering(
	db: TDb,
	token: string,
	link: ResolveRespondentOptions = {}
): Promise<void> {
	await savePage(db, token, 'behov', allRequiredAnswers.behov ?? {}, link);
}

/** Answers every page of the built-in template behind a link token and submits. */
export async function answerAndSubmit(
	db: TDb,
	token: string,
	link: ResolveRespondentOptions = {}
): Promise<SubmitResult> {
	for (const [code, given] of Object.entries(allRequiredAnswers))
		await savePage(db, token, code, given, link);
	const respondent = await resolveRespondent(db, token);
	if (!respondent) throw new Error('unknown token');
	return submitResponse(db, respondent);
}

async function savePage(
	db: TDb,
	token: string,
	sectionCode: string,
	given: TAnswerMap,
	link: ResolveRespondentOptions
): Promise<void> {
	const respondent = await resolveRespondent(db, token, link);
	if (!respondent) throw new Error('unknown token');
	await saveSection(db, {
		respondent,
		section: sectionOf(respondent.questionnaire, sectionCode),
		answers: given,
		currentSection: sectionCode,
		lang: 'sv'
	});
}
