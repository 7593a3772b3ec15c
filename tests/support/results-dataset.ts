import { and, eq } from 'drizzle-orm';
import type { TAnswerMap } from '../../src/lib/core/questionnaire/answer.ts';
import { builtInTemplate } from '../../src/lib/core/testing/questionnaires.ts';
import type { TDb } from '../../src/lib/server/db/client.ts';
import {
	answerMarks,
	answers,
	answerThemes,
	organisations,
	participants,
	responses,
	themes,
	waves
} from '../../src/lib/server/db/schema.ts';
import { addParticipant } from '../../src/lib/server/participants/add-participant.ts';
import { importQuestionnaire } from '../../src/lib/server/questionnaires/import-questionnaire.ts';
import { resolveRespondent } from '../../src/lib/server/responses/resolve-respondent.ts';
import { saveSection } from '../../src/lib/server/responses/save-section.ts';
import { submitResponse } from '../../src/lib/server/responses/submit-response.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';

// A small dataset whose figures are worked out by hand in src/lib/server/results/results.test.ts, seeded
// through the services respondents use. Wave "nu" (k = 3, questionnaire version 3, which adds the
// optional question `ny_fraga`) and the earlier wave "forra" (version 1), plus "tom" with no responses.
//
//  #  unit        behov  ledning_delar  vision  drivande             stod (themes)
//  1  Luleå        9     ja             ja      it, ledning          text (Samordning)
//  2  Luleå        8     ja             ja      it
//  3  Luleå       10     nej            nej     it, politiker        text (Samordning, Goda exempel)
//  4  Luleå IT     7     ja             ja      ledning
//  5  Luleå        3     nej            vet_ej  it
//  6  Piteå        6     ja             ja      it
//  7  Piteå        5     nej            nej     ledning, it          text (Goda exempel)
//  8  Piteå        8     vet_ej         ja      medborgare
//  9  Boden        9     ja             ja      it
// 10  Boden        6     nej            ja      it, ledning
// 11  Boden        4     ja             nej     naringsliv
// 12  Boden       11*    nej            ja      it                   (* stored by an older version: out of range)
// 13  Kiruna       2     ja             ja      it
//  +  Boden: a partial response (behov 10, ledning_delar ja); Haparanda: invited, never answered.
// Every complete response: kompetens vet_ej, the other required questions ja (it_arv nej).
// Role groups: 1–3 it, 6–9 verksamhet, the others unknown.

const Q = 'digital-mognad-i-kommuner';

type TRow = [unit: string, behov: number, ledning: string, vision: string, drivande: string[], stod?: string];
const rows: TRow[] = [
	['2580', 9, 'ja', 'ja', ['it', 'ledning'], 'Mer samordning mellan kommunerna'],
	['2580', 8, 'ja', 'ja', ['it']],
	['2580', 10, 'nej', 'nej', ['it', 'politiker'], 'Stöd, samordning och goda exempel'],
	['2580-it', 7, 'ja', 'ja', ['ledning']],
	['2580', 3, 'nej', 'vet_ej', ['it']],
	['2581', 6, 'ja', 'ja', ['it']],
	['2581', 5, 'nej', 'nej', ['ledning', 'it'], '=Visa goda exempel'],
	['2581', 8, 'vet_ej', 'ja', ['medborgare']],
	['2582', 9, 'ja', 'ja', ['it']],
	['2582', 6, 'nej', 'ja', ['it', 'ledning']],
	['2582', 4, 'ja', 'nej', ['naringsliv']],
	['2582', 8, 'nej', 'ja', ['it']],
	['2584', 2, 'ja', 'ja', ['it']]
];
const roleGroups: Record<number, string> = {
	0: 'it',
	1: 'it',
	2: 'it',
	5: 'verksamhet',
	6: 'verksamhet',
	7: 'verksamhet',
	8: 'verksamhet'
};

/** Answers to every required question of the template, with the given ones on top. */
export function completeAnswers(given: TAnswerMap): TAnswerMap {
	return {
		behov: { kind: 'scale', value: 5 },
		ledning_delar: { kind: 'single', option: 'ja' },
		vision: { kind: 'single', option: 'ja' },
		medborgarbild: { kind: 'single', option: 'ja' },
		beslutskapacitet: { kind: 'single', option: 'ja' },
		it_arv: { kind: 'single', option: 'nej' },
		omvarld: { kind: 'single', option: 'ja' },
		drivande: { kind: 'multi', options: ['it'] },
		kultur: { kind: 'single', option: 'ja' },
		kompetens: { kind: 'single', option: 'vet_ej' },
		...given
	};
}

/** Invites one person, saves their answers page by page and (unless `partial`) submits; returns the response id. */
export async function respond(
	db: TDb,
	wave: string,
	unit: string,
	given: TAnswerMap,
	partial = false
): Promise<string> {
	const { token } = await addParticipant(db, { waveSlug: wave, organisationCode: unit });
	let responseId = '';
	// Resolved once for all pages: saving creates the response on the first page and finds it after.
	const respondent = await resolveOrThrow(db, token);
	for (const section of respondent.questionnaire.sections) {
		const page = Object.fromEntries(
			Object.entries(given).filter(([code]) => section.questions.some((q) => q.code === code))
		);
		if (Object.keys(page).length === 0) continue;
		responseId = await saveSection(db, {
			respondent,
			section,
			answers: page,
			currentSection: section.code,
			lang: 'sv'
		});
	}
	if (!partial) {
		const result = await submitResponse(db, await resolveOrThrow(db, token));
		if (result.status !== 'submitted') throw new Error(`not submitted: ${JSON.stringify(result)}`);
	}
	return responseId;
}

async function resolveOrThrow(db: TDb, token: string) {
	const respondent = await resolveRespondent(db, token);
	if (!respondent) throw new Error('unknown token');
	return respondent;
}

/** Seeds the three waves described above. */
export async function seedResultsDataset(db: TDb): Promise<void> {
	const [lulea] = await db.select().from(organisations).where(eq(organisations.code, '2580'));
	await db
		.insert(organisations)
		.values({ parentId: lulea?.id, code: '2580-it', name: 'Luleå IT-förvaltning', kind: 'department' });
	const template = builtInTemplate();
	const last = template.sections[template.sections.length - 1];
	last?.questions.push({
		code: 'ny_fraga',
		type: 'single',
		text: { sv: 'En ny fråga?' },
		required: false,
		reversed: false,
		options: [
			{ code: 'ja', label: { sv: 'Ja' } },
			{ code: 'nej', label: { sv: 'Nej' } }
		]
	});
	await importQuestionnaire(db, { ...template, version: 4 });

	await createWave(db, { questionnaireCode: Q, questionnaireVersion: 3, name: 'Förra', slug: 'forra' });
	await createWave(db, { questionnaireCode: Q, name: 'Nu', slug: 'nu', minGroupSize: 3 });
	await createWave(db, { questionnaireCode: Q, name: 'Tom', slug: 'tom' });
	for (const slug of ['forra', 'nu', 'tom']) await setWaveStatus(db, slug, 'open');

	// The earlier wave: 10 respondents in Luleå; vision 1 ja of 10, ledning_delar 5 ja of 10, behov 5.
	for (let i = 0; i < 10; i++) {
		await respond(
			db,
			'forra',
			'2580',
			completeAnswers({
				vision: { kind: 'single', option: i === 0 ? 'ja' : 'nej' },
				ledning_delar: { kind: 'single', option: i < 5 ? 'ja' : 'nej' },
				kompetens: { kind: 'single', option: 'nej' }
			})
		);
	}

	const ids: string[] = [];
	for (const [unit, behov, ledning, vision, drivande, stod] of rows) {
		ids.push(
			await respond(
				db,
				'nu',
				unit,
				completeAnswers({
					behov: { kind: 'scale', value: behov },
					ledning_delar: { kind: 'single', option: ledning },
					vision: { kind: 'single', option: vision },
					drivande: { kind: 'multi', options: drivande },
					...(stod ? { stod: { kind: 'text', value: stod } } : {})
				})
			)
		);
	}
	await respond(
		db,
		'nu',
		'2582',
		{ behov: { kind: 'scale', value: 10 }, ledning_delar: { kind: 'single', option: 'ja' } },
		true
	);
	await addParticipant(db, { waveSlug: 'nu', organisationCode: '2583' });

	// Respondent 12's behov as an older version of the questionnaire (a 1–11 scale) stored it.
	await db
		.update(answers)
		.set({ valueNum: 11 })
		.where(and(eq(answers.responseId, ids[11] ?? ''), eq(answers.questionCode, 'behov')));
	// Role groups come from the participants' titles (the title mapping); set here directly.
	for (const [index, group] of Object.entries(roleGroups)) {
		const [response] = await db
			.select()
			.from(responses)
			.where(eq(responses.id, ids[Number(index)] ?? ''));
		await db
			.update(participants)
			.set({ roleGroup: group })
			.where(eq(participants.id, response?.participantId ?? ''));
	}

	// Themes of `stod`, tagged by the analyst (respondent 3's answer carries two); one theme is unused.
	const wave = await db.query.waves.findFirst({ where: (w, { eq }) => eq(w.slug, 'nu') });
	const made = await db
		.insert(themes)
		.values(
			['Samordning', 'Goda exempel', 'Oanvänd'].map((label) => ({
				waveId: wave?.id ?? '',
				questionCode: 'stod',
				label
			}))
		)
		.returning();
	const theme = (label: string) => made.find((t) => t.label === label)?.id ?? '';
	await db.insert(answerThemes).values([
		{ responseId: ids[0] ?? '', questionCode: 'stod', themeId: theme('Samordning') },
		{ responseId: ids[2] ?? '', questionCode: 'stod', themeId: theme('Samordning') },
		{ responseId: ids[2] ?? '', questionCode: 'stod', themeId: theme('Goda exempel') },
		{ responseId: ids[6] ?? '', questionCode: 'stod', themeId: theme('Goda exempel') }
	]);
}

// The free-text answers seedResultsOutputs adds and marks (results-outputs.test.ts, the results command).
export const LULEA_RELEASED = 'Mer samordning mellan kommunerna';
export const LULEA_UNRELEASED = 'Stöd, samordning och goda exempel';
export const PITEA_RELEASED = '=Visa goda exempel';
export const KIRUNA_ANSWER = 'Kiruna behöver <em>mer</em> stöd';

/**
 * The dataset as the results' outputs (the CLI and the JSON API) are tested on: the hand-computed waves, a
 * theme whose label a spreadsheet would run as a formula, and free-text answers released or not.
 */
export async function seedResultsOutputs(db: TDb): Promise<void> {
	await seedResultsDataset(db);
	// A theme whose label a spreadsheet would run as a formula.
	const [wave] = await db.select().from(waves).where(eq(waves.slug, 'nu'));
	await db.insert(themes).values({ waveId: wave?.id ?? '', questionCode: 'stod', label: '=1+1' });
	// Free text: Luleå's first answer and Piteå's are released, Luleå's other one only quotable; Kiruna
	// (one respondent, below k) gets a released answer too.
	const [kiruna] = await db
		.select({ id: responses.id })
		.from(responses)
		.innerJoin(organisations, eq(organisations.id, responses.organisationId))
		.where(and(eq(responses.waveId, wave?.id ?? ''), eq(organisations.code, '2584')));
	await db.insert(answers).values({
		responseId: kiruna?.id ?? '',
		waveId: wave?.id ?? '',
		questionCode: 'stod',
		valueText: KIRUNA_ANSWER
	});
	const stod = await db
		.select({ responseId: answers.responseId, text: answers.valueText })
		.from(answers)
		.where(and(eq(answers.waveId, wave?.id ?? ''), eq(answers.questionCode, 'stod')));
	const responseOf = (text: string) => stod.find((a) => a.text === text)?.responseId ?? '';
	await db.insert(answerMarks).values([
		{ responseId: responseOf(LULEA_RELEASED), questionCode: 'stod', released: true },
		{ responseId: responseOf(LULEA_UNRELEASED), questionCode: 'stod', quotable: true },
		{ responseId: responseOf(PITEA_RELEASED), questionCode: 'stod', released: true },
		{ responseId: responseOf(KIRUNA_ANSWER), questionCode: 'stod', released: true }
	]);
}
