import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maturityModel } from '../../core/maturity/maturity-model.ts';
import { maturityProfile } from '../../core/maturity/maturity-profile.ts';
import { respondentScores } from '../../core/maturity/respondent-scores.ts';
import type { TAnswerMap } from '../../core/questionnaire/answer.ts';
import { ZWaveResults } from '../../core/results/wave-results-schema.ts';
import {
	builtInTemplate,
	definition,
	page,
	scale,
	sectionOf,
	yesNo
} from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import { organisations, participants, waves } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { importQuestionnaire } from '../questionnaires/import-questionnaire.ts';
import { resolveRespondent } from '../responses/resolve-respondent.ts';
import { saveSection } from '../responses/save-section.ts';
import { submitResponse } from '../responses/submit-response.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { computeMaturity } from './compute-maturity.ts';
import { getResultsForUser } from './get-results-for-user.ts';
import { getWaveResults } from './get-wave-results.ts';

let database: TDatabase;
const WAVE = 'mognad';

/** Runs `fn` with the wave's k set to `k` (every figure shown at k = 1), then sets k back to 3. */
async function withK<T>(k: number, fn: () => Promise<T>): Promise<T> {
	await database.db.update(waves).set({ minGroupSize: k }).where(eq(waves.slug, WAVE));
	try {
		return await fn();
	} finally {
		await database.db.update(waves).set({ minGroupSize: 3 }).where(eq(waves.slug, WAVE));
	}
}

// The template's eight items in this order; J = ja, N = nej, V = vet ej. Dimension scores (ja 100, nej 0,
// it_arv reversed) are written beside each respondent as strategi (mean of the first two), medborgarfokus,
// ledning, digitalt_arv, omvarld, kultur, kompetens; "–" = missing.
const ITEMS = [
	'ledning_delar',
	'vision',
	'medborgarbild',
	'beslutskapacitet',
	'it_arv',
	'omvarld',
	'kultur',
	'kompetens'
] as const;

const respondents: Array<{ name: string; unit: string; answers: string; roleGroup?: string }> = [
	// Luleå: 5 respondents, one in a department, one with only vet ej.
	{ name: 'L1', unit: '2580', answers: 'JJJJNJJJ', roleGroup: 'it' }, // 100 100 100 100 100 100 100
	{ name: 'L2', unit: '2580', answers: 'JNNNJJNN', roleGroup: 'it' }, //  50   0   0   0 100   0   0
	{ name: 'L3', unit: '2580', answers: 'VVVVVVVV' }, //                       –   –   –   –   –   –   –
	{ name: 'L4', unit: '2580-soc', answers: 'JVJNNJJV' }, //                 100 100   0 100 100 100   –
	{ name: 'L5', unit: '2580', answers: 'NNVJJNJN' }, //                       0   – 100   0   0 100   0
	// Piteå: 4 respondents.
	{ name: 'P1', unit: '2581', answers: 'JJJJJJJJ', roleGroup: 'it' }, //    100 100 100   0 100 100 100
	{ name: 'P2', unit: '2581', answers: 'NNNNJNNN' }, //                       0   0   0   0   0   0   0
	{ name: 'P3', unit: '2581', answers: 'JNJNNJNJ' }, //                      50 100   0 100 100   0 100
	{ name: 'P4', unit: '2581', answers: 'VNVVJVJV' }, //                       0   –   –   0   – 100   –
	// Kiruna: 3 respondents, hidden beside Arjeplog.
	{ name: 'K1', unit: '2584', answers: 'JJNNNNJJ', roleGroup: 'it' }, //    100   0   0 100   0 100 100
	{ name: 'K2', unit: '2584', answers: 'NJJJJJNN' }, //                      50 100 100   0 100   0   0
	{ name: 'K3', unit: '2584', answers: 'JJJJVJJJ' }, //                     100 100 100   – 100 100 100
	// Arjeplog: 1 respondent, hidden.
	{ name: 'A1', unit: '2506', answers: 'NNNNJNNN' } //                        0   0   0   0   0   0   0
];

const single = (letter: string | undefined) => ({
	kind: 'single' as const,
	option: letter === 'J' ? 'ja' : letter === 'N' ? 'nej' : 'vet_ej'
});

/** The template's pages for eight item answers, with the other required questions answered alike. */
function templateAnswers(answers: string): Record<string, TAnswerMap> {
	const item = (code: (typeof ITEMS)[number]) => single(answers[ITEMS.indexOf(code)]);
	return {
		behov: { behov: { kind: 'scale', value: 8 }, ledning_delar: item('ledning_delar') },
		vision: {
			vision: item('vision'),
			medborgarbild: item('medborgarbild'),
			beslutskapacitet: item('beslutskapacitet')
		},
		formaga: { it_arv: item('it_arv') },
		omvarld: {
			omvarld: item('omvarld'),
			drivande: { kind: 'multi', options: ['it'] }
		},
		kultur: { kultur: item('kultur'), kompetens: item('kompetens') }
	};
}

/** Invites one person and answers as they would: page by page, then (unless told otherwise) submits. */
async function respond(
	waveSlug: string,
	organisationCode: string,
	pages: Record<string, TAnswerMap>,
	submit = true
): Promise<string> {
	const { id, token } = await addParticipant(database.db, { waveSlug, organisationCode });
	for (const [section, answers] of Object.entries(pages)) {
		const respondent = await resolveRespondent(database.db, token);
		if (!respondent) throw new Error('unknown token');
		await saveSection(database.db, {
			respondent,
			section: sectionOf(respondent.questionnaire, section),
			answers,
			currentSection: section,
			lang: 'sv'
		});
	}
	if (submit) {
		const respondent = await resolveRespondent(database.db, token);
		if (!respondent) throw new Error('unknown token');
		expect(await submitResponse(database.db, respondent)).toEqual({ status: 'submitted' });
	}
	return id;
}

let lulea: string[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	const [luleaUnit] = await database.db.select().from(organisations).where(eq(organisations.code, '2580'));
	if (!luleaUnit) throw new Error('Luleå missing');
	// A department below Luleå: its respondents count with Luleå.
	const [department] = await database.db
		.insert(organisations)
		.values({ code: '2580-soc', name: 'Socialförvaltningen', kind: 'department', parentId: luleaUnit.id })
		.returning();
	lulea = [luleaUnit.id, department?.id ?? ''];
	await createWave(database.db, {
		questionnaireCode: 'digital-mognad-i-kommuner',
		name: 'Mognad',
		slug: WAVE,
		minGroupSize: 3
	});
	await setWaveStatus(database.db, WAVE, 'open');
	const inRoleGroup: string[] = [];
	for (const r of respondents) {
		const id = await respond(WAVE, r.unit, templateAnswers(r.answers));
		if (r.roleGroup) inRoleGroup.push(id);
	}
	// Role groups come from the participant list's titles; here they are set directly.
	await database.db
		.update(participants)
		.set({ roleGroup: 'it' })
		.where(inArray(participants.id, inRoleGroup));
	// A Piteå respondent who saved the first page only: ledning_delar ja (strategi 100, 1 of 2 items).
	await respond(WAVE, '2581', { behov: templateAnswers('JVVVVVVV').behov ?? {} }, false);
}, 300_000);
afterAll(async () => database.close());

describe('computeMaturity', () => {
	it("reads the template's dimensions, legacy dimension and levels", async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		expect(result?.minGroupSize).toBe(3);
		expect(result?.dimensions.map((d) => [d.code, d.legacy])).toEqual([
			['strategi', false],
			['medborgarfokus', false],
			['ledning', false],
			['digitalt_arv', true],
			['omvarld', false],
			['kultur', false],
			['kompetens', false]
		]);
		expect(result?.levels.map((l) => l.code)).toEqual(['lag', 'medel', 'hog']);
	});

	it('shows organisations with at least k respondents and hides the one with a single respondent and the next smallest', async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		expect(result?.respondents).toBe(13);
		expect(result?.organisations.map((o) => [o.code, o.name, o.respondents, o.hidden])).toEqual([
			['2506', 'Arjeplog', 1, true],
			['2584', 'Kiruna', 3, true],
			['2580', 'Luleå', 5, false],
			['2581', 'Piteå', 4, false]
		]);
		expect(result?.organisations.filter((o) => o.hidden).map((o) => o.profile)).toEqual([null, null]);
	});

	it("pins Luleå's profile: the vet-ej-only respondent counts as a respondent but adds no score", async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		// strategi (100 + 50 + 100 + 0) / 4 = 62.5 · medborgarfokus 200 / 3 = 66.67 · ledning 200 / 4 = 50
		// digitalt_arv 200 / 4 = 50 · omvarld 300 / 4 = 75 · kultur 300 / 4 = 75 · kompetens 100 / 3 = 33.33
		// index 412.5 / 7 = 58.93 · capability (412.5 − 50) / 6 = 60.42 · legacy 50
		expect(result?.organisations.find((o) => o.code === '2580')?.profile).toEqual({
			dimensions: {
				strategi: 62.5,
				medborgarfokus: 66.7,
				ledning: 50,
				digitalt_arv: 50,
				omvarld: 75,
				kultur: 75,
				kompetens: 33.3
			},
			index: 58.9,
			weakest: 'kompetens',
			level: 'medel',
			placement: { capability: 60.4, legacy: 50 }
		});
	});

	it("pins Piteå's profile, without its unsubmitted response", async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		// strategi (100 + 0 + 50 + 0) / 4 = 37.5 · medborgarfokus 200 / 3 · ledning 100 / 3 · digitalt_arv 100 / 4 = 25
		// omvarld 200 / 3 · kultur 200 / 4 = 50 · kompetens 200 / 3
		// index (37.5 + 66.667 + 33.333 + 25 + 66.667 + 50 + 66.667) / 7 = 345.833 / 7 = 49.40
		// capability 320.833 / 6 = 53.47 · legacy 25
		expect(result?.organisations.find((o) => o.code === '2581')?.profile).toEqual({
			dimensions: {
				strategi: 37.5,
				medborgarfokus: 66.7,
				ledning: 33.3,
				digitalt_arv: 25,
				omvarld: 66.7,
				kultur: 50,
				kompetens: 66.7
			},
			index: 49.4,
			weakest: 'digitalt_arv',
			level: 'medel',
			placement: { capability: 53.5, legacy: 25 }
		});
	});

	it('pools the region over all 13 respondents, those of hidden organisations included', async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		// Sums Luleå + Piteå + Kiruna + Arjeplog over respondents with a score:
		// strategi (250 + 150 + 250 + 0) / (4 + 4 + 3 + 1) = 650 / 12 = 54.17
		// medborgarfokus (200 + 200 + 200 + 0) / (3 + 3 + 3 + 1) = 600 / 10 = 60
		// ledning (200 + 100 + 200 + 0) / (4 + 3 + 3 + 1) = 500 / 11 = 45.45
		// digitalt_arv (200 + 100 + 100 + 0) / (4 + 4 + 2 + 1) = 400 / 11 = 36.36
		// omvarld (300 + 200 + 200 + 0) / (4 + 3 + 3 + 1) = 700 / 11 = 63.64
		// kultur (300 + 200 + 200 + 0) / (4 + 4 + 3 + 1) = 700 / 12 = 58.33
		// kompetens (100 + 200 + 200 + 0) / (3 + 3 + 3 + 1) = 500 / 10 = 50
		// index 367.955 / 7 = 52.56 · capability (367.955 − 36.364) / 6 = 55.27 · legacy 36.36
		expect(result?.region.pooled).toEqual({
			dimensions: {
				strategi: 54.2,
				medborgarfokus: 60,
				ledning: 45.5,
				digitalt_arv: 36.4,
				omvarld: 63.6,
				kultur: 58.3,
				kompetens: 50
			},
			index: 52.6,
			weakest: 'digitalt_arv',
			level: 'medel',
			placement: { capability: 55.3, legacy: 36.4 }
		});
	});

	it("places each respondent's own index at a level", async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		// Indices (mean of the scored dimensions, at least 4 of 7): L1 100, L2 150 / 7 = 21.4, L4 500 / 6 = 83.3,
		// L5 200 / 6 = 33.3, P1 600 / 7 = 85.7, P2 0, P3 450 / 7 = 64.3, K1 400 / 7 = 57.1, K2 350 / 7 = 50,
		// K3 600 / 6 = 100, A1 0; L3 (only vet ej) and P4 (3 of 7 dimensions) have none.
		expect(result?.region.respondentLevels).toEqual({
			respondents: 11,
			levels: [
				{ code: 'lag', respondents: 4 },
				{ code: 'medel', respondents: 3 },
				{ code: 'hog', respondents: 4 }
			]
		});
	});

	it('averages the shown organisations (Luleå and Piteå) once each', async () => {
		const result = await computeMaturity(database.db, { slug: WAVE });
		// strategi (62.5 + 37.5) / 2 = 50 · medborgarfokus 66.67 · ledning (50 + 33.33) / 2 = 41.67
		// digitalt_arv (50 + 25) / 2 = 37.5 · omvarld (75 + 66.67) / 2 = 70.83 · kultur (75 + 50) / 2 = 62.5
		// kompetens (33.33 + 66.67) / 2 = 50 · index 379.167 / 7 = 54.17 · capability 341.667 / 6 = 56.94
		expect(result?.region.organisationMean).toEqual({
			organisations: 2,
			dimensions: {
				strategi: 50,
				medborgarfokus: 66.7,
				ledning: 41.7,
				digitalt_arv: 37.5,
				omvarld: 70.8,
				kultur: 62.5,
				kompetens: 50
			},
			index: 54.2,
			weakest: 'digitalt_arv',
			level: 'medel',
			placement: { capability: 56.9, legacy: 37.5 }
		});
	});

	it('counts partial responses when asked to (k = 1)', async () => {
		// At k = 3 the one partial response could be subtracted: nothing with it is shown.
		const hidden = await computeMaturity(database.db, { slug: WAVE, includePartial: true });
		expect(hidden?.region.pooled).toBeNull();
		expect(hidden?.organisations.find((o) => o.code === '2581')?.hidden).toBe(true);
		const result = await withK(1, () => computeMaturity(database.db, { slug: WAVE, includePartial: true }));
		const pitea = result?.organisations.find((o) => o.code === '2581');
		expect(result?.respondents).toBe(14);
		expect(pitea?.respondents).toBe(5);
		// strategi (150 + 100) / 5 = 50; the partial response has nothing in the other dimensions.
		expect(pitea?.profile?.dimensions.strategi).toBe(50);
		expect(pitea?.profile?.dimensions.kultur).toBe(50);
	});

	it('counts only an organisation subtree: Luleå with its department', async () => {
		const result = await computeMaturity(database.db, { slug: WAVE, organisationIds: lulea });
		expect(result?.respondents).toBe(5);
		expect(result?.organisations.map((o) => [o.code, o.respondents, o.hidden])).toEqual([['2580', 5, false]]);
		expect(result?.region.pooled?.index).toBe(58.9);
		expect(result?.region.organisationMean.index).toBe(58.9);
	});

	it('counts only a role group (k = 1), and shows nothing of one that shares blocks with others (k = 3)', async () => {
		// The IT people of Luleå, Piteå and Kiruna each share a block with their unit's others.
		const hidden = await computeMaturity(database.db, { slug: WAVE, roleGroup: 'it' });
		expect(hidden?.region.pooled).toBeNull();
		expect(hidden?.organisations.every((o) => o.hidden && o.profile === null)).toBe(true);
		const result = await withK(1, () => computeMaturity(database.db, { slug: WAVE, roleGroup: 'it' }));
		// L1, L2, P1 and K1: strategi (100 + 50 + 100 + 100) / 4 = 87.5 · medborgarfokus 200 / 4 = 50
		// ledning 50 · digitalt_arv (100 + 0 + 0 + 100) / 4 = 50 · omvarld 75 · kultur 75 · kompetens 75
		// index 462.5 / 7 = 66.07 (Medel) · capability 412.5 / 6 = 68.75 · legacy 50
		expect(result?.respondents).toBe(4);
		expect(result?.organisations.map((o) => [o.code, o.respondents, o.hidden])).toEqual([
			['2584', 1, false],
			['2580', 2, false],
			['2581', 1, false]
		]);
		expect(result?.region.pooled).toEqual({
			dimensions: {
				strategi: 87.5,
				medborgarfokus: 50,
				ledning: 50,
				digitalt_arv: 50,
				omvarld: 75,
				kultur: 75,
				kompetens: 75
			},
			index: 66.1,
			weakest: 'medborgarfokus',
			level: 'medel',
			placement: { capability: 68.8, legacy: 50 }
		});
		expect(result?.region.organisationMean).toMatchObject({ organisations: 3 });
	});

	it('shows nothing, and no NaN, for an empty selection', async () => {
		const result = await computeMaturity(database.db, { slug: WAVE, organisationIds: [] });
		expect(result?.respondents).toBe(0);
		expect(result?.organisations).toEqual([]);
		expect(result?.region.pooled).toBeNull();
		expect(result?.region.respondentLevels).toBeNull();
		expect(result?.region.organisationMean.index).toBeNull();
	});
});

describe('the maturity index in the results output', () => {
	const luleaProfile = {
		dimensions: {
			strategi: 62.5,
			medborgarfokus: 66.7,
			ledning: 50,
			digitalt_arv: 50,
			omvarld: 75,
			kultur: 75,
			kompetens: 33.3
		},
		index: 58.9,
		weakest: 'kompetens',
		level: 'medel',
		placement: { capability: 60.4, legacy: 50 }
	};

	it('is left out unless asked for', async () => {
		const results = await getWaveResults(database.db, { slug: WAVE });
		expect(results).not.toHaveProperty('maturity');
	});

	it('gives labels in the chosen language, and hidden organisations with neither n nor profile', async () => {
		const results = ZWaveResults.parse(
			await getWaveResults(database.db, { slug: WAVE, maturity: true, lang: 'en' })
		);
		const maturity = results.maturity;
		expect(maturity?.respondents).toBe(13);
		expect(maturity?.minGroupSize).toBe(3);
		expect(maturity?.levels.map((l) => [l.code, l.min, l.max])).toEqual([
			['lag', 0, 33],
			['medel', 34, 66],
			['hog', 67, 100]
		]);
		expect(maturity?.dimensions.find((d) => d.code === 'digitalt_arv')?.legacy).toBe(true);
		expect(maturity?.organisations.map((o) => [o.group, o.label, o.n, o.suppressed])).toEqual([
			['2506', 'Arjeplog', null, true],
			['2584', 'Kiruna', null, true],
			['2580', 'Luleå', 5, false],
			['2581', 'Piteå', 4, false]
		]);
		expect(maturity?.organisations.filter((o) => o.suppressed).map((o) => o.profile)).toEqual([null, null]);
		expect(maturity?.organisations.find((o) => o.group === '2580')?.profile).toEqual(luleaProfile);
		// The same figures as computeMaturity pins above: pooled index 52.6, mean of Luleå and Piteå 54.2.
		expect(maturity?.region.pooled?.index).toBe(52.6);
		expect(maturity?.region.organisationMean).toMatchObject({ organisations: 2, index: 54.2 });
		expect(maturity?.region.respondentLevels?.respondents).toBe(11);
	});

	it('follows the filters of the results: a role group pools four respondents (k = 1), or is refused (k = 3)', async () => {
		await expect(
			getWaveResults(database.db, { slug: WAVE, maturity: true, roleGroup: 'it' })
		).rejects.toMatchObject({ code: 'SMALL_GROUP' });
		const results = await withK(1, () =>
			getWaveResults(database.db, { slug: WAVE, maturity: true, roleGroup: 'it' })
		);
		expect(results.maturity?.respondents).toBe(4);
		expect(results.maturity?.region.pooled?.index).toBe(66.1);
	});

	it("gives an organisation contact their own unit's subtree only, and nothing below k", async () => {
		const [luleaUnit, arjeplog] = await Promise.all(
			['2580', '2506'].map(async (code) => {
				const [unit] = await database.db.select().from(organisations).where(eq(organisations.code, code));
				return unit?.id ?? null;
			})
		);
		const own = await getResultsForUser(
			database.db,
			{ role: 'contact', organisationId: luleaUnit ?? null },
			{ slug: WAVE, maturity: true }
		);
		expect(own.maturity?.respondents).toBe(5);
		expect(own.maturity?.organisations).toEqual([
			{ group: '2580', label: 'Luleå', n: 5, suppressed: false, profile: luleaProfile }
		]);
		expect(own.maturity?.region.pooled).toEqual(luleaProfile);
		expect(own.maturity?.region.organisationMean).toEqual({ ...luleaProfile, organisations: 1 });
		await expect(
			getResultsForUser(
				database.db,
				{ role: 'contact', organisationId: arjeplog ?? null },
				{ slug: WAVE, maturity: true }
			)
		).rejects.toMatchObject({ code: 'SMALL_GROUP' });
	});
});

describe('computeMaturity against the pure maturity functions', () => {
	it("gives each one-respondent organisation (k = 1) exactly the respondent's own profile", async () => {
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Jämför',
			slug: 'jamfor',
			minGroupSize: 1
		});
		await setWaveStatus(database.db, 'jamfor', 'open');
		// A spread of ja, nej and vet ej: some respondents lose dimensions, three their index.
		const patterns: Array<[string, string]> = [
			['2505', 'JJJJJJJJ'],
			['2506', 'NNNNNNNN'],
			['2510', 'JNJNJNJN'],
			['2513', 'VJVJVJVJ'],
			['2514', 'VVJNVJVV'],
			['2518', 'NVVVJVVN'],
			['2521', 'JVNJJVNV'],
			['2523', 'VVVVVVVJ'],
			['2560', 'NJNJNJNJ'],
			['2580', 'JNVVNJJN'],
			['2581', 'VNJJNVVJ']
		];
		const expected = new Map<string, unknown>();
		const model = maturityModel(builtInTemplate());
		for (const [code, letters] of patterns) {
			const pages = templateAnswers(letters);
			await respond('jamfor', code, pages);
			const answers = Object.assign({}, ...Object.values(pages));
			expected.set(code, maturityProfile(model, respondentScores(model, answers)));
		}
		const result = await computeMaturity(database.db, { slug: 'jamfor' });
		expect(result?.organisations).toHaveLength(patterns.length);
		for (const organisation of result?.organisations ?? []) {
			expect(organisation.profile, organisation.name).toEqual(expected.get(organisation.code ?? ''));
		}
		expect(result?.region.respondentLevels?.respondents).toBe(
			[...expected.values()].filter((p) => (p as { index: number | null }).index !== null).length
		);
	});
});

describe('computeMaturity with a scale item', () => {
	it('scores scale points and treats a stored value outside the scale as missing', async () => {
		await importQuestionnaire(
			database.db,
			definition(
				[
					page(
						'p',
						scale('niva', { min: 1, max: 5, dimension: 'd' }),
						yesNo('x', { dimension: 'd' }),
						yesNo('y', { dimension: 'e' })
					)
				],
				{
					code: 'skala',
					dimensions: [
						{ code: 'd', label: { sv: 'D' }, weight: 3 },
						{ code: 'e', label: { sv: 'E' } }
					],
					levels: [
						{ code: 'lag', label: { sv: 'Låg' }, min: 0, max: 33 },
						{ code: 'medel', label: { sv: 'Medel' }, min: 34, max: 66 },
						{ code: 'hog', label: { sv: 'Hög' }, min: 67, max: 100 }
					]
				}
			)
		);
		await createWave(database.db, {
			questionnaireCode: 'skala',
			name: 'Skala',
			slug: 'skala',
			minGroupSize: 1
		});
		await setWaveStatus(database.db, 'skala', 'open');
		const page1 = (niva: number | null, x: string | null, y: string): Record<string, TAnswerMap> => ({
			p: {
				...(niva === null ? {} : { niva: { kind: 'scale', value: niva } }),
				...(x === null ? {} : { x: { kind: 'single', option: x } }),
				y: { kind: 'single', option: y }
			}
		});
		// d: niva 5 → 100 and x nej → 0: 50 · niva 2 → 25, x blank: 25 (1 of 2 answered)
		//    niva 9 was stored by an older version of the form: missing; x ja → 100 (1 of 2)
		await respond('skala', '2580', page1(5, 'nej', 'ja'));
		await respond('skala', '2580', page1(2, null, 'ja'));
		await respond('skala', '2580', page1(9, 'ja', 'nej'));
		const result = await computeMaturity(database.db, { slug: 'skala' });
		// d (50 + 25 + 100) / 3 = 58.33; e (100 + 100 + 0) / 3 = 66.67; d weighs 3:
		// index (3 × 58.333 + 66.667) / 4 = 241.667 / 4 = 60.42; no legacy dimension, so no placement
		expect(result?.region.pooled).toEqual({
			dimensions: { d: 58.3, e: 66.7 },
			index: 60.4,
			weakest: 'd',
			level: 'medel',
			placement: null
		});
		// Respondents: (3 × 50 + 100) / 4 = 62.5, (3 × 25 + 100) / 4 = 43.75, (3 × 100 + 0) / 4 = 75
		expect(result?.region.respondentLevels).toEqual({
			respondents: 3,
			levels: [
				{ code: 'lag', respondents: 0 },
				{ code: 'medel', respondents: 2 },
				{ code: 'hog', respondents: 1 }
			]
		});
	});

	it('has no maturity index for a questionnaire without dimensions', async () => {
		await importQuestionnaire(database.db, definition([page('p', yesNo('x'))], { code: 'utan' }));
		await createWave(database.db, { questionnaireCode: 'utan', name: 'Utan', slug: 'utan' });
		expect(await computeMaturity(database.db, { slug: 'utan' })).toBeNull();
	});
});
