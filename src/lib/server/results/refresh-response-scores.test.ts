import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityModel } from '../../core/maturity/maturity-model.ts';
import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { definition, page, scale, sectionOf, yesNo } from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import { responseScores, responses } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { importQuestionnaire } from '../questionnaires/import-questionnaire.ts';
import { resolveRespondent } from '../responses/resolve-respondent.ts';
import { saveSection } from '../responses/save-section.ts';
import { submitResponse } from '../responses/submit-response.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { getWave } from '../waves/get-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { computeMaturity } from './compute-maturity.ts';
import { refreshResponseScores, scoringKey } from './refresh-response-scores.ts';

let database: TDatabase;
const WAVE = 'kept';

// One dimension d of two items: a 1–5 scale (5 → 100, 3 → 50, 1 → 0) and a yes/no (ja 100, nej 0).
const questionnaire = definition(
	[page('p', scale('niva', { min: 1, max: 5, dimension: 'd' }), yesNo('x', { dimension: 'd' }))],
	{
		code: 'kept',
		dimensions: [{ code: 'd', label: { sv: 'D' } }],
		levels: [{ code: 'alla', label: { sv: 'Alla' }, min: 0, max: 100 }]
	}
);

const answers = (niva: number, x: 'ja' | 'nej'): TAnswerMap => ({
	niva: { kind: 'scale', value: niva },
	x: { kind: 'single', option: x }
});

/** Saves the page for an invited person (left partial, so it can be saved again). */
async function save(token: string, page: TAnswerMap): Promise<void> {
	const respondent = await resolveRespondent(database.db, token);
	if (!respondent) throw new Error('unknown token');
	await saveSection(database.db, {
		respondent,
		section: sectionOf(respondent.questionnaire, 'p'),
		answers: page,
		currentSection: 'p',
		lang: 'sv'
	});
}

const regionIndex = async () =>
	(await computeMaturity(database.db, { slug: WAVE, includePartial: true }))?.region.pooled?.index;
const sorted = (values: Array<number | null>) => [...values].sort((a, b) => (a ?? -1) - (b ?? -1));

const tokens: string[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	await importQuestionnaire(database.db, questionnaire);
	await createWave(database.db, { questionnaireCode: 'kept', name: 'Kept', slug: WAVE, minGroupSize: 1 });
	await setWaveStatus(database.db, WAVE, 'open');
	for (let i = 0; i < 3; i++) {
		tokens.push((await addParticipant(database.db, { waveSlug: WAVE, organisationCode: '2580' })).token);
	}
	// Respondent 1: (100 + 100) / 2 = 100; respondent 2: (50 + 0) / 2 = 25; respondent 3 (who submits, as
	// partial responses are never shown without a complete one beside them): 100. Index 225 / 3 = 75.
	await save(tokens[0] ?? '', answers(5, 'ja'));
	await save(tokens[1] ?? '', answers(3, 'nej'));
	await save(tokens[2] ?? '', answers(5, 'ja'));
	const third = await resolveRespondent(database.db, tokens[2] ?? '');
	if (!third) throw new Error('unknown token');
	expect(await submitResponse(database.db, third)).toEqual({ status: 'submitted' });
}, 120_000);
afterAll(async () => database.close());

describe('the kept maturity scores of responses', () => {
	it('are computed when the index is first read, one row per response', async () => {
		expect(await regionIndex()).toBe(75);
		const rows = await database.db.select().from(responseScores);
		expect(sorted(rows.map((r) => r.scores[0] ?? null))).toEqual([25, 100, 100]);
		expect(sorted(rows.map((r) => r.index))).toEqual([25, 100, 100]);
	});

	it('follow an answer changed after they were kept', async () => {
		// Respondent 2 saves the page again: (100 + 100) / 2 = 100. Index 300 / 3 = 100.
		await save(tokens[1] ?? '', answers(5, 'ja'));
		expect(await regionIndex()).toBe(100);
		// And again: (0 + 0) / 2 = 0. Index 200 / 3 = 66.7.
		await save(tokens[1] ?? '', answers(1, 'nej'));
		expect(await regionIndex()).toBe(66.7);
	});

	it("raise a response's revision for every statement that writes, changes or deletes its answers", async () => {
		const [response] = await database.db.select().from(responses).limit(1);
		if (!response) throw new Error('no response');
		const revision = async () =>
			(await database.db.select().from(responses).where(eq(responses.id, response.id)))[0]?.answersRevision;
		const before = (await revision()) ?? 0;
		await database.db.execute(
			sql`update answers set value_num = value_num where response_id = ${response.id} and question_code = 'niva'`
		);
		expect(await revision()).toBe(before + 1);
		await database.db.execute(
			sql`delete from answers where response_id = ${response.id} and question_code = 'nothing'`
		);
		expect(await revision()).toBe(before + 1);
	});

	it('are never used when computed from older answers (a save that committed while they were computed)', async () => {
		// A kept row whose revision is behind its response's, with a score the answers do not give.
		await database.db.execute(
			sql`update response_scores set scores = '{7}', index = 7, revision = revision - 1`
		);
		expect(await regionIndex()).toBe(66.7);
		const rows = await database.db.select().from(responseScores);
		expect(sorted(rows.map((r) => r.index))).toEqual([0, 100, 100]);
	});

	it('are computed again when the scoring they were kept under changed', async () => {
		await database.db.execute(sql`update response_scores set scores = '{7}', index = 7, model_key = 'older'`);
		expect(await regionIndex()).toBe(66.7);
		const wave = await getWave(database.db, WAVE);
		const model = maturityModel(await getQuestionnaireVersion(database.db, wave.questionnaireVersionId));
		const keys = await database.db.select({ key: responseScores.modelKey }).from(responseScores);
		expect(new Set(keys.map((k) => k.key))).toEqual(new Set([scoringKey(model)]));
		// The key changes with what the scores depend on: here a weight.
		const weighted = { ...model, dimensions: model.dimensions.map((d) => ({ ...d, weight: 2 })) };
		expect(scoringKey(weighted)).not.toBe(scoringKey(model));
	});

	it('are left as they are when nothing changed', async () => {
		const wave = await getWave(database.db, WAVE);
		const model = maturityModel(await getQuestionnaireVersion(database.db, wave.questionnaireVersionId));
		await database.db.execute(sql`update response_scores set index = 7`);
		await refreshResponseScores(database.db, wave.id, model);
		const rows = await database.db.select().from(responseScores);
		expect(rows.map((r) => r.index)).toEqual([7, 7, 7]);
	});
});
